package dev.tapegrad.nn.higher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.nn.Linear;
import dev.tapegrad.nn.Parameter;
import dev.tapegrad.nn.Sequential;
import dev.tapegrad.nn.Sgd;
import dev.tapegrad.nn.Tanh;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * WGAN-GP's critic loss (Gulrajani et al., 2017) through nn's {@code Linear} layers:
 * {@code mean D(fake) - mean D(real) + lambda mean((|dD/dx (x_hat)| - 1)^2)} at interpolates
 * {@code x_hat = e real + (1 - e) fake}, the input gradient taken with {@code grad} and the whole loss
 * trained through. The critic is {@code Linear(2, 6), Tanh, Linear(6, 1)}, so the references are plain
 * Java: {@code dD/dx = W1^T (v * (1 - tanh^2(W1 x + b1)))} in closed form, and the weight gradient by
 * central differences of the closed-form loss.
 */
class GradientPenaltyTest {
    private static final int N = 5;
    private static final int HIDDEN = 6;
    private static final double LAMBDA = 10;
    private final double[] real = new double[N * 2];
    private final double[] fake = new double[N * 2];
    private final double[] mix = new double[N];

    GradientPenaltyTest() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < N * 2; i++) {
            real[i] = 1 + 0.3 * rng.nextGaussian();
            fake[i] = rng.nextGaussian();
        }
        for (int i = 0; i < N; i++) {
            mix[i] = rng.nextDouble();
        }
    }

    private static Sequential critic() {
        SplittableRandom rng = new SplittableRandom(8);
        return new Sequential(new Linear(2, HIDDEN, rng), new Tanh(), new Linear(HIDDEN, 1, rng));
    }

    private double[] interpolates() {
        double[] x = new double[N * 2];
        for (int i = 0; i < N; i++) {
            for (int c = 0; c < 2; c++) {
                x[i * 2 + c] = mix[i] * real[i * 2 + c] + (1 - mix[i]) * fake[i * 2 + c];
            }
        }
        return x;
    }

    /** The penalty alone, recorded: {@code mean((|grad_x D(x_hat)| - 1)^2)}. */
    private Scalar penalty(Sequential d, Tape tape) {
        Tensor xHat = tape.tensor(Shape.of(N, 2), interpolates());
        Tensor g = d.forward(xHat).sum().grad(xHat);
        Tensor norm = g.mul(g).sum(1).sqrt();
        Tensor off = norm.sub(1.0);
        return off.mul(off).mean();
    }

    private Scalar criticLoss(Sequential d, Tape tape) {
        Scalar wasserstein = d.forward(tape.constant(Shape.of(N, 2), fake)).mean()
                .sub(d.forward(tape.constant(Shape.of(N, 2), real)).mean());
        return wasserstein.add(penalty(d, tape).mul(LAMBDA));
    }

    private static double[] closedGradient(Sequential d, double x0, double x1) {
        double[] w = ((Linear) d.get(0)).weight().values();
        double[] b = ((Linear) d.get(0)).bias().values();
        double[] v = ((Linear) d.get(2)).weight().values();
        double[] g = new double[2];
        for (int j = 0; j < HIDDEN; j++) {
            double t = Math.tanh(w[j * 2] * x0 + w[j * 2 + 1] * x1 + b[j]);
            double s = v[j] * (1 - t * t);
            g[0] += s * w[j * 2];
            g[1] += s * w[j * 2 + 1];
        }
        return g;
    }

    private static double closedCritic(Sequential d, double x0, double x1) {
        double[] w = ((Linear) d.get(0)).weight().values();
        double[] b = ((Linear) d.get(0)).bias().values();
        double[] v = ((Linear) d.get(2)).weight().values();
        double out = ((Linear) d.get(2)).bias().values()[0];
        for (int j = 0; j < HIDDEN; j++) {
            out += v[j] * Math.tanh(w[j * 2] * x0 + w[j * 2 + 1] * x1 + b[j]);
        }
        return out;
    }

    private double closedPenalty(Sequential d) {
        double[] x = interpolates();
        double s = 0;
        for (int i = 0; i < N; i++) {
            double[] g = closedGradient(d, x[i * 2], x[i * 2 + 1]);
            double off = Math.sqrt(g[0] * g[0] + g[1] * g[1]) - 1;
            s += off * off;
        }
        return s / N;
    }

    private double closedLoss(Sequential d) {
        double w = 0;
        for (int i = 0; i < N; i++) {
            w += (closedCritic(d, fake[i * 2], fake[i * 2 + 1]) - closedCritic(d, real[i * 2], real[i * 2 + 1])) / N;
        }
        return w + LAMBDA * closedPenalty(d);
    }

    @Test
    void inputGradientOfTheCriticMatchesTheClosedForm() {
        Sequential d = critic();
        Tape tape = new Tape();
        Tensor xHat = tape.tensor(Shape.of(N, 2), interpolates());
        double[] got = d.forward(xHat).sum().grad(xHat).values();
        double[] x = interpolates();
        for (int i = 0; i < N; i++) {
            double[] expected = closedGradient(d, x[i * 2], x[i * 2 + 1]);
            assertEquals(expected[0], got[i * 2], 1e-14);
            assertEquals(expected[1], got[i * 2 + 1], 1e-14);
        }
        assertEquals(closedPenalty(d), penalty(d, new Tape()).value(), 1e-13);
    }

    @Test
    void weightGradientOfThePenalisedLossMatchesFiniteDifferences() {
        Sequential d = critic();
        Tape tape = new Tape();
        Scalar loss = criticLoss(d, tape);
        assertEquals(closedLoss(d), loss.value(), 1e-12 * Math.max(1, Math.abs(closedLoss(d))));
        Gradients g = loss.backward();
        List<Parameter> ps = d.parameters();
        List<double[]> analytic = new ArrayList<>();
        for (Parameter p : ps) {
            analytic.add(g.of(p));
        }
        int checked = ParameterDifferences.check(ps, analytic, () -> closedLoss(d));
        assertEquals(2 * HIDDEN + HIDDEN + HIDDEN + 1, checked);
    }

    @Test
    void trainingThroughThePenaltyPullsTheInputGradientNormTowardsOne() {
        Sequential d = critic();
        Sgd sgd = Sgd.builder(d.parameters()).learningRate(0.05).build();
        double before = closedPenalty(d);
        for (int step = 0; step < 200; step++) {
            sgd.step(penalty(d, new Tape()).backward());
        }
        double after = closedPenalty(d);
        assertTrue(before > 0.05, "the critic starts away from unit gradient norm: " + before);
        assertTrue(after < before / 10, "penalty " + before + " -> " + after);
    }
}
