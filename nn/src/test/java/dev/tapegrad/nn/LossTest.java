package dev.tapegrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every loss: value against hand computation, gradient against finite differences, shape rules. */
class LossTest {
    private static final Shape S = Shape.of(2, 3);
    private static final double[] P = {0.2, 0.7, 0.95, 0.5, 0.01, 0.4};
    private static final double[] T = {0.0, 1.0, 1.0, 0.3, 0.0, 1.0};
    private static final double[] Z = {-2.0, 0.5, 3.0, 0.0, -4.5, 1.2};

    private static void assertPasses(GradCheck.Report r) {
        assertTrue(r.passed(), r::describe);
        assertTrue(r.checked() > 0, "checked something");
    }

    private static GradCheck.Report checkBoth(LossFunction loss, double[] prediction) {
        return GradCheck.withDefaults().checkAll(in -> loss.apply(in.get(0), in.get(1)),
                List.of(GradCheck.Input.of(S, prediction), GradCheck.Input.of(S, T)));
    }

    @Test
    void mseValueAndGradients() {
        double expected = 0;
        for (int i = 0; i < 6; i++) {
            expected += (P[i] - T[i]) * (P[i] - T[i]) / 6;
        }
        Tape tape = new Tape();
        assertEquals(expected, Loss.mse(tape.constant(S, P), tape.constant(S, T)).value(), 1e-15);
        assertPasses(checkBoth(Loss::mse, P));
    }

    @Test
    void bceValueAndGradients() {
        double expected = 0;
        for (int i = 0; i < 6; i++) {
            expected -= (T[i] * Math.log(P[i]) + (1 - T[i]) * Math.log(1 - P[i])) / 6;
        }
        Tape tape = new Tape();
        assertEquals(expected, Loss.bce(tape.constant(S, P), tape.constant(S, T)).value(), 1e-14);
        assertPasses(checkBoth(Loss::bce, P));
    }

    @Test
    void bceIsFiniteAtZeroAndOne() {
        Tape tape = new Tape();
        Tensor p = tape.tensor(Shape.of(4), 0.0, 1.0, 0.0, 1.0);
        Scalar l = Loss.bce(p, tape.constant(Shape.of(4), 1.0, 0.0, 0.0, 1.0));
        // log clamped at -100: two wrong certain answers cost 100 each, two right ones 0.
        assertEquals(50.0, l.value(), 1e-12);
        for (double g : l.backward().of(p)) {
            assertTrue(Double.isFinite(g), "finite gradient " + g);
        }
    }

    @Test
    void bceRejectsValuesOutsideZeroOne() {
        Tape tape = new Tape();
        Tensor p = tape.constant(Shape.of(2), 0.5, 1.5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Loss.bce(p, tape.constant(Shape.of(2), 0, 1)));
        assertTrue(e.getMessage().contains("1.5") && e.getMessage().contains("bceWithLogits"), e.getMessage());
        assertTrue(Double.isNaN(Loss.bce(tape.constant(Shape.of(1), Double.NaN), tape.constant(Shape.of(1), 1)).value()),
                "a diverged model's NaN shows as a NaN loss");
    }

    @Test
    void bceWithLogitsMatchesBceOfSigmoidAndItsGradients() {
        double expected = 0;
        for (int i = 0; i < 6; i++) {
            double s = 1 / (1 + Math.exp(-Z[i]));
            expected -= (T[i] * Math.log(s) + (1 - T[i]) * Math.log(1 - s)) / 6;
        }
        Tape tape = new Tape();
        assertEquals(expected, Loss.bceWithLogits(tape.constant(S, Z), tape.constant(S, T)).value(), 1e-14);
        assertPasses(checkBoth(Loss::bceWithLogits, Z));
    }

    @Test
    void bceWithLogitsIsStableForHugeLogits() {
        Tape tape = new Tape();
        Tensor z = tape.tensor(Shape.of(4), 800, -800, 800, -800);
        Scalar l = Loss.bceWithLogits(z, tape.constant(Shape.of(4), 1, 0, 0, 1));
        // right with certainty costs 0; wrong costs |z| = 800.
        assertEquals(400.0, l.value(), 1e-9);
        assertArrayEquals(new double[] {0, 0, 0.25, -0.25}, l.backward().of(z), 1e-15);
    }

    @Test
    void crossEntropyWithClassIndices() {
        int[] classes = {2, 0};
        double expected = 0;
        for (int i = 0; i < 2; i++) {
            double lse = 0;
            for (int j = 0; j < 3; j++) {
                lse += Math.exp(Z[i * 3 + j]);
            }
            expected -= (Z[i * 3 + classes[i]] - Math.log(lse)) / 2;
        }
        Tape tape = new Tape();
        assertEquals(expected, Loss.crossEntropy(tape.constant(S, Z), classes).value(), 1e-14);
        assertPasses(GradCheck.withDefaults().check(z -> Loss.crossEntropy(z, classes), S, Z));
    }

    @Test
    void crossEntropyGradientIsSoftmaxMinusOneHot() {
        Tape tape = new Tape();
        Tensor z = tape.tensor(Shape.of(1, 3), 1.0, 2.0, 3.0);
        Gradients g = Loss.crossEntropy(z, new int[] {1}).backward();
        double sum = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertArrayEquals(new double[] {Math.exp(1) / sum, Math.exp(2) / sum - 1, Math.exp(3) / sum}, g.of(z), 1e-15);
    }

    @Test
    void crossEntropyWithProbabilitiesGradients() {
        double[] probs = {0.1, 0.6, 0.3, 1.0, 0.0, 0.0};
        assertPasses(GradCheck.withDefaults().checkAll(in -> Loss.crossEntropy(in.get(0), in.get(1)),
                List.of(GradCheck.Input.of(S, Z), GradCheck.Input.of(S, probs))));
    }

    @Test
    void crossEntropyWithATensorOfClassIndicesPointsToTheIntArrayOverload() {
        Tape tape = new Tape();
        Tensor z = tape.constant(Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Loss.crossEntropy(z, tape.constant(Shape.of(2), 0, 2)));
        for (String part : new String[] {"[2, 3]", "[2]", "class probabilities", "crossEntropy(logits, int[] classes)"}) {
            assertTrue(e.getMessage().contains(part), () -> e.getMessage() + " should contain " + part);
        }
    }

    @Test
    void crossEntropyRejectsBadClasses() {
        Tape tape = new Tape();
        Tensor z = tape.constant(S, Z);
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> Loss.crossEntropy(z, new int[] {0, 3}));
        assertTrue(range.getMessage().contains("class index 3"), range.getMessage());
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> Loss.crossEntropy(z, new int[] {0}));
        assertTrue(count.getMessage().contains("need 2 class indices, got 1"), count.getMessage());
    }

    @Test
    void everyLossRejectsNby1AgainstN() {
        Tape tape = new Tape();
        Tensor column = tape.constant(Shape.of(4, 1), 0.1, 0.2, 0.3, 0.4);
        Tensor flat = tape.constant(Shape.of(4), 0, 1, 0, 1);
        for (LossFunction loss : List.<LossFunction>of(Loss::mse, Loss::bce, Loss::bceWithLogits, Loss::crossEntropy)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loss.apply(column, flat));
            assertTrue(e.getMessage().contains("[4, 1]") && e.getMessage().contains("[4]")
                    && e.getMessage().contains("do not broadcast"), e.getMessage());
        }
    }

    @Test
    void lossesDoNotModifyTheirInputs() {
        Tape tape = new Tape();
        Tensor p = tape.tensor(S, P);
        Tensor t = tape.constant(S, T);
        Loss.mse(p, t).backward();
        Loss.bce(p, t).backward();
        assertArrayEquals(P, p.values());
        assertArrayEquals(T, t.values());
    }
}
