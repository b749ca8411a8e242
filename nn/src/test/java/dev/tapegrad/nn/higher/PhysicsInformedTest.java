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
import dev.tapegrad.nn.Tanh;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A physics-informed residual: {@code u(x)} is a 1-8-1 tanh MLP, {@code u''} its second derivative in
 * the input taken with {@code grad} twice, and the loss {@code mean((u'' - f)^2)} for
 * {@code f(x) = -pi^2 sin(pi x)} (the residual of {@code u'' = f}), trained with respect to the weights.
 * The references are plain Java: {@code u''} in closed form from the weights
 * ({@code sum_j v_j w_j^2 (-2 t_j (1 - t_j^2))}, {@code t_j = tanh(w_j x + b_j)}) and the weight
 * gradient by central differences of that closed-form loss.
 */
class PhysicsInformedTest {
    private static final int HIDDEN = 8;
    private static final double[] POINTS = {-0.9, -0.5, -0.1, 0.0, 0.3, 0.6, 1.0};

    private static Sequential network() {
        SplittableRandom rng = new SplittableRandom(42);
        return new Sequential(new Linear(1, HIDDEN, rng), new Tanh(), new Linear(HIDDEN, 1, rng));
    }

    private static double source(double x) {
        return -Math.PI * Math.PI * Math.sin(Math.PI * x);
    }

    /** {@code u''} at every point, recorded: {@code d/dx (d/dx sum u)}, each u_i depending on x_i only. */
    private static Tensor secondDerivative(Sequential net, Tensor x) {
        Tensor u = net.forward(x);
        Tensor du = u.sum().grad(x);
        return du.sum().grad(x);
    }

    private static Scalar residualLoss(Sequential net, Tape tape) {
        Tensor x = tape.tensor(Shape.of(POINTS.length, 1), POINTS);
        double[] f = new double[POINTS.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = source(POINTS[i]);
        }
        Tensor r = secondDerivative(net, x).sub(tape.constant(Shape.of(POINTS.length, 1), f));
        return r.mul(r).mean();
    }

    /** The closed form of {@code u''} for the weights held in {@code net}. */
    private static double closedSecondDerivative(Sequential net, double x) {
        double[] w = ((Linear) net.get(0)).weight().values();
        double[] b = ((Linear) net.get(0)).bias().values();
        double[] v = ((Linear) net.get(2)).weight().values();
        double s = 0;
        for (int j = 0; j < HIDDEN; j++) {
            double t = Math.tanh(w[j] * x + b[j]);
            s += v[j] * w[j] * w[j] * (-2 * t * (1 - t * t));
        }
        return s;
    }

    private static double closedLoss(Sequential net) {
        double s = 0;
        for (double x : POINTS) {
            double r = closedSecondDerivative(net, x) - source(x);
            s += r * r;
        }
        return s / POINTS.length;
    }

    @Test
    void secondDerivativeInTheInputMatchesTheClosedForm() {
        Sequential net = network();
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(POINTS.length, 1), POINTS);
        double[] got = secondDerivative(net, x).values();
        double largest = 0;
        for (int i = 0; i < POINTS.length; i++) {
            double expected = closedSecondDerivative(net, POINTS[i]);
            largest = Math.max(largest, Math.abs(expected));
            assertEquals(expected, got[i], 1e-12 * Math.max(1, Math.abs(expected)), "x = " + POINTS[i]);
        }
        assertTrue(largest > 1e-2, "a network with curvature");
    }

    @Test
    void secondDerivativeInTheInputMatchesFiniteDifferencesOfTheNetwork() {
        Sequential net = network();
        double h = 1e-4;
        Tape tape = new Tape();
        double[] got = secondDerivative(net, tape.tensor(Shape.of(POINTS.length, 1), POINTS)).values();
        for (int i = 0; i < POINTS.length; i++) {
            double x = POINTS[i];
            double[][] at = net.predict(new double[][] {{x - h}, {x}, {x + h}});
            double fd = (at[0][0] - 2 * at[1][0] + at[2][0]) / (h * h);
            assertEquals(fd, got[i], 1e-6 * Math.max(1, Math.abs(fd)), "x = " + x);
        }
    }

    @Test
    void weightGradientOfTheResidualLossMatchesFiniteDifferences() {
        Sequential net = network();
        Tape tape = new Tape();
        Scalar loss = residualLoss(net, tape);
        assertEquals(closedLoss(net), loss.value(), 1e-12 * Math.max(1, closedLoss(net)));
        Gradients g = loss.backward();
        List<Parameter> ps = net.parameters();
        List<double[]> analytic = new ArrayList<>();
        for (Parameter p : ps) {
            double[] a = g.of(p);
            double[] recorded = loss.grad(p.on(tape)).values();
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], recorded[i], 1e-12 * Math.max(1, Math.abs(a[i])), p.name());
            }
            analytic.add(a);
        }
        // The output bias does not reach u'': its gradient is exactly zero.
        assertEquals(0.0, analytic.get(3)[0], 0.0);
        int checked = ParameterDifferences.check(ps, analytic, () -> closedLoss(net));
        assertEquals(3 * HIDDEN + 1, checked);
    }
}
