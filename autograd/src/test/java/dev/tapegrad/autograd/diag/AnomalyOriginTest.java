package dev.tapegrad.autograd.diag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tapegrad.autograd.AnomalyException;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

/** Anomaly mode names where a non-finite value first appears, not where a user's own one flows. */
class AnomalyOriginTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void aMaskOfMinusInfinityIsNotAnAnomaly() {
        Tape tape = new Tape().detectAnomaly(true);
        Tensor scores = tape.tensor(Shape.of(3), 0.5, 1.5, -0.25);
        Tensor mask = tape.constant(Shape.of(3), 0, -INF, 0);
        Tensor p = scores.add(mask).softmax(0);
        double[] v = p.values();
        double e0 = Math.exp(0.5);
        double e2 = Math.exp(-0.25);
        assertArrayEquals(new double[] {e0 / (e0 + e2), 0.0, e2 / (e0 + e2)}, v, 1e-15);
    }

    @Test
    void aConstantOperandOfInfinityIsTheUsersValueNotAnAnomaly() {
        Tape tape = new Tape().detectAnomaly(true);
        Scalar x = tape.scalar(2.0);
        assertEquals(INF, x.mul(INF).value());
        assertEquals(INF, tape.constant(INF).add(x).value());
    }

    @Test
    void anOpThatMakesInfinityFromFiniteInputsIsStillNamed() {
        Tape tape = new Tape().detectAnomaly(true);
        Tensor x = tape.tensor(Shape.of(2), 1.0, 0.0);
        AnomalyException e = assertThrows(AnomalyException.class, () -> x.div(x.sub(1.0)));
        assertEquals("div", e.anomaly().op());
    }

    @Test
    void aVariableHoldingNaNIsNamedWhenPutOnTheTape() {
        Tape tape = new Tape().detectAnomaly(true);
        assertThrows(AnomalyException.class, () -> tape.tensor(Shape.of(2), 1.0, Double.NaN));
    }
}
