package dev.tapegrad.autograd.diag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.debug.AnomalySearch;
import dev.tapegrad.autograd.Anomaly;
import dev.tapegrad.autograd.AnomalyException;
import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnomalyModeTest {

    private static int nextLine() {
        return new Throwable().getStackTrace()[1].getLineNumber() + 1;
    }

    @Test
    void scalarForwardNamesTheOpAndTheLineThatRecordedIt() {
        Tape tape = new Tape().detectAnomaly(true);
        Scalar x = tape.scalar(0.0);
        Scalar y = x.mul(3.0);
        int line = nextLine();
        AnomalyException e = assertThrows(AnomalyException.class, () -> y.log());
        Anomaly a = e.anomaly();
        assertEquals(Anomaly.Phase.FORWARD, a.phase());
        assertEquals("log", a.op());
        assertEquals(List.of(Shape.of()), a.inputShapes());
        assertTrue(a.site().startsWith("dev.tapegrad.autograd.diag.AnomalyModeTest"), a.site());
        assertTrue(a.site().contains("AnomalyModeTest.java:" + line), a.site());
        assertTrue(e.getMessage().contains("-Infinity"), e.getMessage());
        assertTrue(e.getMessage().contains("log"), e.getMessage());
    }

    @Test
    void tensorForwardNamesTheOpAndItsInputShape() {
        Tape tape = new Tape().detectAnomaly(true);
        Tensor t = tape.tensor(Shape.of(2, 2), 1, 2, 0, 4);
        Tensor u = t.mul(2.0);
        int line = nextLine();
        AnomalyException e = assertThrows(AnomalyException.class, () -> u.log());
        assertEquals("log", e.anomaly().op());
        assertEquals(List.of(Shape.of(2, 2)), e.anomaly().inputShapes());
        assertTrue(e.anomaly().detail().contains("element 2"), e.anomaly().detail());
        assertTrue(e.anomaly().site().contains("AnomalyModeTest.java:" + line), e.anomaly().site());
    }

    @Test
    void scalarBackwardNamesTheOpWhoseDerivativeIsInfinite() {
        Tape tape = new Tape().detectAnomaly(true);
        Scalar x = tape.scalar(0.0);
        int line = nextLine();
        Scalar root = x.sqrt();
        Scalar z = root.mul(2.0).add(1.0);
        AnomalyException e = assertThrows(AnomalyException.class, z::backward);
        Anomaly a = e.anomaly();
        assertEquals(Anomaly.Phase.BACKWARD, a.phase());
        assertEquals("sqrt", a.op());
        assertTrue(a.site().contains("AnomalyModeTest.java:" + line), a.site());
        assertTrue(a.detail().contains("Infinity"), a.detail());
    }

    @Test
    void generalOpBackwardNamesTheCustomOp() {
        UnaryOp broken = UnaryOp.of("brokengrad", v -> 2 * v, (v, y) -> Double.NaN);
        Tape tape = new Tape().detectAnomaly(true);
        Tensor t = tape.tensor(Shape.of(3), 1, 2, 3);
        Scalar s = broken.apply(t.sigmoid()).sum();
        AnomalyException e = assertThrows(AnomalyException.class, s::backward);
        assertEquals("brokengrad", e.anomaly().op());
        assertEquals(Anomaly.Phase.BACKWARD, e.anomaly().phase());
        assertEquals(List.of(Shape.of(3)), e.anomaly().inputShapes());
    }

    @Test
    void aNonFiniteLeafIsReportedWhereItIsPutOnTheTape() {
        Tape tape = new Tape().detectAnomaly(true);
        AnomalyException e = assertThrows(AnomalyException.class,
                () -> tape.tensor(Shape.of(2), 1.0, Double.POSITIVE_INFINITY));
        assertEquals("leaf", e.anomaly().op());
    }

    @Test
    void offByDefaultAndSilent() {
        Tape tape = new Tape();
        assertFalse(tape.isDetectingAnomaly());
        Scalar y = tape.scalar(0.0).log();
        assertEquals(Double.NEGATIVE_INFINITY, y.value());
    }

    @Test
    void turningItOffStopsTheChecks() {
        Tape tape = new Tape().detectAnomaly(true).detectAnomaly(false);
        assertFalse(tape.isDetectingAnomaly());
        assertEquals(Double.NEGATIVE_INFINITY, tape.scalar(0.0).log().value());
    }

    @Test
    void healthyComputationGivesTheSameGradientsWithTheModeOn() {
        double[] on = gradientOfSmallNet(true);
        double[] off = gradientOfSmallNet(false);
        assertArrayEquals(off, on, 0.0);
        // d/dw sum(sigmoid(w * 2)) with w = [0.5, -1]: 2 s (1 - s), derived by hand.
        double s0 = 1 / (1 + Math.exp(-1.0));
        double s1 = 1 / (1 + Math.exp(2.0));
        assertArrayEquals(new double[] {2 * s0 * (1 - s0), 2 * s1 * (1 - s1)}, on, 1e-12);
    }

    private static double[] gradientOfSmallNet(boolean anomaly) {
        Tape tape = new Tape().detectAnomaly(anomaly);
        Tensor w = tape.tensor(Shape.of(2), 0.5, -1.0);
        Gradients g = w.mul(2.0).sigmoid().sum().backward();
        return g.of(w);
    }

    @Test
    void findAfterwardsWithoutTheModeNamesTheForwardOp() {
        Tape tape = new Tape();
        Tensor t = tape.tensor(Shape.of(3), 1, 0, 2);
        Scalar loss = t.sigmoid().sub(0.5).log().sum();
        Anomaly a = AnomalySearch.find(tape, loss.backward()).orElseThrow();
        assertEquals("log", a.op());
        assertEquals(Anomaly.Phase.FORWARD, a.phase());
        assertEquals("", a.site());
        assertTrue(a.describe().contains("detectAnomaly"), a.describe());
    }

    @Test
    void findAfterwardsNamesTheBackwardOp() {
        Tape tape = new Tape();
        Scalar x = tape.scalar(0.0);
        Scalar z = x.sqrt().mul(3.0).tanh();
        Gradients g = z.backward();
        Anomaly a = AnomalySearch.find(tape, g).orElseThrow();
        assertEquals("sqrt", a.op());
        assertEquals(Anomaly.Phase.BACKWARD, a.phase());
    }

    @Test
    void findReportsNothingOnAHealthyTape() {
        Tape tape = new Tape();
        Tensor t = tape.tensor(Shape.of(2, 2), 1, 2, 3, 4);
        Scalar loss = t.matmul(t).tanh().mean();
        assertTrue(AnomalySearch.find(tape, loss.backward()).isEmpty());
    }

    @Test
    void aBranchTheOutputIgnoresIsNotBlamed() {
        Tape tape = new Tape().detectAnomaly(true);
        Scalar x = tape.scalar(0.0);
        x.sqrt(); // infinite derivative, but the output does not use it
        Scalar y = x.mul(2.0).add(1.0);
        assertEquals(2.0, y.backward().of(x));
    }
}
