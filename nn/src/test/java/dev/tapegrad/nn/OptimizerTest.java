package dev.tapegrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Two steps of each optimizer on {@code L = sum(p^2) / 2} (so the gradient is {@code p} itself) from
 * {@code p = [1, -2]}, against values worked out by hand from the update rules.
 */
class OptimizerTest {
    private static Parameter param() {
        return new Parameter("p", Shape.of(2), 1.0, -2.0);
    }

    /** One step of {@code opt} on {@code L = sum(p^2) / 2}. */
    private static void step(Optimizer opt, Parameter p) {
        Tape tape = new Tape();
        Tensor x = p.on(tape);
        opt.step(x.mul(x).sum().mul(0.5).backward());
    }

    private static double[] twoSteps(Optimizer opt, Parameter p) {
        step(opt, p);
        step(opt, p);
        return p.values();
    }

    @Test
    void plainSgd() {
        Parameter p = param();
        // p <- p - 0.1 p, twice: 0.81 p.
        assertArrayEquals(new double[] {0.81, -1.62}, twoSteps(Sgd.builder(List.of(p)).learningRate(0.1).build(), p),
                1e-15);
    }

    @Test
    void sgdMomentum() {
        Parameter p = param();
        // b1 = g1 = [1, -2]; p1 = [0.9, -1.8]; b2 = 0.9 b1 + p1 = [1.8, -3.6]; p2 = p1 - 0.1 b2.
        Sgd sgd = Sgd.builder(List.of(p)).learningRate(0.1).momentum(0.9).build();
        assertArrayEquals(new double[] {0.72, -1.44}, twoSteps(sgd, p), 1e-15);
    }

    @Test
    void sgdNesterov() {
        Parameter p = param();
        // b1 = [1, -2]; d1 = g1 + 0.9 b1 = [1.9, -3.8]; p1 = [0.81, -1.62];
        // b2 = 0.9 b1 + p1 = [1.71, -3.42]; d2 = p1 + 0.9 b2 = [2.349, -4.698]; p2 = p1 - 0.1 d2.
        Sgd sgd = Sgd.builder(List.of(p)).learningRate(0.1).momentum(0.9).nesterov(true).build();
        assertArrayEquals(new double[] {0.5751, -1.1502}, twoSteps(sgd, p), 1e-15);
    }

    @Test
    void sgdWeightDecayWithMomentum() {
        Parameter p = param();
        // g = 1.1 p. b1 = [1.1, -2.2]; p1 = [0.89, -1.78]; b2 = 0.9 b1 + 1.1 p1 = [1.969, -3.938].
        Sgd sgd = Sgd.builder(List.of(p)).learningRate(0.1).momentum(0.9).weightDecay(0.1).build();
        assertArrayEquals(new double[] {0.6931, -1.3862}, twoSteps(sgd, p), 1e-15);
    }

    @Test
    void sgdDampeningSparesTheFirstStep() {
        Parameter p = param();
        // b1 = g1 (no dampening on the first step, as PyTorch); b2 = 0.9 b1 + 0.5 p1 = [1.35, -2.7].
        Sgd sgd = Sgd.builder(List.of(p)).learningRate(0.1).momentum(0.9).dampening(0.5).build();
        assertArrayEquals(new double[] {0.765, -1.53}, twoSteps(sgd, p), 1e-15);
    }

    @Test
    void adamBiasCorrection() {
        Parameter p = param();
        Adam adam = Adam.builder(List.of(p)).learningRate(0.1).build();
        step(adam, p);
        // Bias-corrected, the first step is lr * g / (|g| + eps): 0.1 towards zero, whatever |g|
        // (without correction it would be 0.1 * 0.1 g / sqrt(0.001 g^2) = 0.316).
        assertArrayEquals(new double[] {1 - 0.1 * 1 / (1 + 1e-8), -2 + 0.1 * 2 / (2 + 1e-8)}, p.values(), 1e-15);
        step(adam, p);
        // m = 0.9 * 0.1 + 0.1 * 0.9 = 0.18, v = 0.999 * 0.001 + 0.001 * 0.81 = 0.001809 (for the first element);
        // p2 = p1 - 0.1 * (0.18 / 0.19) / (sqrt(0.001809 / 0.001999) + 1e-8).
        assertEquals(0.8004122297123382, p.get(0), 1e-12);
        assertEquals(2, adam.steps());
    }

    /** Adam written out in its textbook form, independently of the optimizer's arrangement. */
    private static double[] textbookAdam(double lr, double wd, boolean decoupled) {
        double[] p = {1.0, -2.0};
        double[] m = new double[2];
        double[] v = new double[2];
        for (int t = 1; t <= 2; t++) {
            for (int i = 0; i < 2; i++) {
                double g = p[i];
                if (decoupled) {
                    p[i] -= lr * wd * p[i];
                } else {
                    g += wd * p[i];
                }
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                double mHat = m[i] / (1 - Math.pow(0.9, t));
                double vHat = v[i] / (1 - Math.pow(0.999, t));
                p[i] -= lr * mHat / (Math.sqrt(vHat) + 1e-8);
            }
        }
        return p;
    }

    @Test
    void adamL2WeightDecay() {
        Parameter p = param();
        Adam adam = Adam.builder(List.of(p)).learningRate(0.1).weightDecay(0.5).build();
        assertArrayEquals(textbookAdam(0.1, 0.5, false), twoSteps(adam, p), 1e-12);
    }

    @Test
    void adamDecoupledWeightDecay() {
        Parameter p = param();
        Adam adam = Adam.builder(List.of(p)).learningRate(0.1).weightDecay(0.5).decoupledWeightDecay(true).build();
        double[] expected = textbookAdam(0.1, 0.5, true);
        assertArrayEquals(expected, twoSteps(adam, p), 1e-12);
        // AdamW's decay is not Adam's L2: the two give different weights.
        assertTrue(Math.abs(expected[0] - textbookAdam(0.1, 0.5, false)[0]) > 1e-3);
    }

    @Test
    void aParameterTheLossDoesNotReachIsSkippedAsInPyTorch() {
        // With weight decay and momentum an unreached parameter would still move if it were updated
        // with a zero gradient; PyTorch skips it (its grad is None), and so must we.
        Parameter used = param();
        Parameter unused = new Parameter("q", Shape.of(1), 3.0);
        Sgd sgd = Sgd.builder(List.of(used, unused)).learningRate(0.1).momentum(0.9).weightDecay(0.5).build();
        Adam adam = Adam.builder(List.of(new Parameter("r", Shape.of(1), 3.0))).learningRate(0.1).weightDecay(0.5).build();
        Tape tape = new Tape();
        Scalar loss = used.on(tape).sum();
        unused.on(tape).mul(2.0); // on the tape, but not on a path to the loss
        Gradients g = loss.backward();
        assertTrue(g.reached(used) && !g.reached(unused)); // before the step: after it, used's gradient is stale
        sgd.step(g);
        adam.step(g);
        assertArrayEquals(new double[] {3.0}, unused.values());
        assertArrayEquals(new double[] {3.0}, adam.parameters().get(0).values());
    }

    @Test
    void adamCountsStepsPerParameterForItsBiasCorrection() {
        // A parameter first reached on the second step gets the first step's correction then.
        Parameter late = new Parameter("late", Shape.of(1), 1.0);
        Parameter always = new Parameter("always", Shape.of(1), 1.0);
        Adam adam = Adam.builder(List.of(always, late)).learningRate(0.1).build();
        Tape t1 = new Tape();
        adam.step(always.on(t1).sum().backward());
        Tape t2 = new Tape();
        adam.step(always.on(t2).add(late.on(t2)).sum().backward());
        // Adam's first step with gradient 1: m = 0.1, v = 0.001, corrected 1 and 1, so p -= lr * 1 / (1 + eps).
        assertEquals(1.0 - 0.1 / (1.0 + 1e-8), late.values()[0], 1e-15);
        assertEquals(2, adam.steps());
    }

    private static void assertRejected(Supplier<?> build, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::get);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "'" + e.getMessage() + "' should contain '" + f + "'");
        }
    }

    /** Learning rates the builders reject; each message must show the value as Java prints it. */
    private static final double[] BAD_LEARNING_RATES = {
        0.0, -0.0, -0.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    /** Momenta outside [0, 1), NaN included. */
    private static final double[] BAD_MOMENTA = {1.0, 1.5, -0.1, Double.NaN, Double.POSITIVE_INFINITY};

    @Test
    void invalidLearningRatesAreRejectedWithTheirValue() {
        List<Parameter> ps = List.of(param());
        for (double lr : BAD_LEARNING_RATES) {
            String value = String.valueOf(lr);
            assertRejected(() -> Sgd.builder(ps).learningRate(lr).build(), "Sgd", "learning rate", value);
            assertRejected(() -> Adam.builder(ps).learningRate(lr).build(), "Adam", "learning rate", value);
        }
    }

    @Test
    void nanLearningRateIsNotMistakenForAMissingOne() {
        List<Parameter> ps = List.of(param());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Sgd.builder(ps).learningRate(Double.NaN).build());
        assertTrue(e.getMessage().contains("NaN"), e::getMessage);
        assertTrue(!e.getMessage().contains("not set"), e::getMessage);
        assertRejected(() -> Sgd.builder(ps).build(), "learning rate not set");
    }

    @Test
    void invalidMomentaAreRejectedWithTheirValue() {
        List<Parameter> ps = List.of(param());
        for (double momentum : BAD_MOMENTA) {
            assertRejected(() -> Sgd.builder(ps).learningRate(0.1).momentum(momentum).build(),
                    "Sgd", "momentum", String.valueOf(momentum));
        }
    }

    @Test
    void invalidAdamBetasAreRejectedWithTheirValue() {
        List<Parameter> ps = List.of(param());
        for (double beta : BAD_MOMENTA) {
            String value = String.valueOf(beta);
            assertRejected(() -> Adam.builder(ps).betas(beta, 0.999).build(), "Adam", "beta1", value);
            assertRejected(() -> Adam.builder(ps).betas(0.9, beta).build(), "Adam", "beta2", value);
        }
    }

    @Test
    void otherInvalidSettingsAreRejectedWithTheirValue() {
        List<Parameter> ps = List.of(param());
        assertRejected(() -> Sgd.builder(ps).learningRate(0.1).nesterov(true).build(), "Nesterov", "momentum 0.0");
        assertRejected(() -> Sgd.builder(ps).learningRate(0.1).weightDecay(-1).build(), "weight decay", "-1.0");
        assertRejected(() -> Sgd.builder(ps).learningRate(0.1).weightDecay(Double.NaN).build(), "weight decay", "NaN");
        assertRejected(() -> Sgd.builder(ps).learningRate(0.1).momentum(0.5).dampening(2).build(), "dampening", "2.0");
        assertRejected(() -> Adam.builder(ps).eps(-1e-8).build(), "eps", "-1.0E-8");
        assertRejected(() -> Adam.builder(ps).eps(Double.NaN).build(), "eps", "NaN");
        assertRejected(() -> Adam.builder(ps).weightDecay(Double.NaN).build(), "weight decay", "NaN");
        assertRejected(() -> Sgd.builder(List.of()), "no parameters");
        assertRejected(() -> Adam.builder(List.of()), "no parameters");
    }
}
