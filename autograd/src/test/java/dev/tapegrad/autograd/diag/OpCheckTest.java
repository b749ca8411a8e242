package dev.tapegrad.autograd.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.check.OpCheck;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OpCheckTest {

    /** softsign(x) = x / (1 + |x|); the true derivative is 1 / (1 + |x|)^2, this one drops the square. */
    private static final UnaryOp WRONG_SOFTSIGN =
            UnaryOp.of("softsign", x -> x / (1 + Math.abs(x)), x -> 1 / (1 + Math.abs(x)));

    private static final UnaryOp RIGHT_SOFTSIGN =
            UnaryOp.of("softsign", x -> x / (1 + Math.abs(x)), x -> 1 / ((1 + Math.abs(x)) * (1 + Math.abs(x))));

    /** A two-layer network with a softmax head on a batch of 4, then a few scalar fast-path ops. */
    private static Tape network(UnaryOp hidden) {
        SplittableRandom rng = new SplittableRandom(11);
        Tape tape = new Tape();
        Tensor x = tape.constant(Shape.of(4, 3), rng.doubles(12, -1, 1).toArray());
        Tensor w1 = tape.tensor(Shape.of(3, 5), rng.doubles(15, -1, 1).toArray());
        Tensor b1 = tape.tensor(Shape.of(5), rng.doubles(5, -1, 1).toArray());
        Tensor w2 = tape.tensor(Shape.of(5, 2), rng.doubles(10, -1, 1).toArray());
        Tensor h = hidden.apply(x.matmul(w1).add(b1));
        Tensor p = h.matmul(w2).tanh().softmax(1);
        Scalar s = p.log().mean().neg();
        Scalar reg = w1.pow(2.0).sum().mul(0.01);
        Scalar loss = s.add(reg).sigmoid().mul(s.exp()).div(tape.scalar(3.0)).sqrt();
        loss.backward();
        return tape;
    }

    @Test
    void aHealthyNetworkPasses() {
        OpCheck.Report r = OpCheck.check(network(RIGHT_SOFTSIGN));
        assertTrue(r.passed(), r::describe);
        assertTrue(r.ops() >= 14, "ops checked: " + r.ops());
        assertTrue(r.checked() > 100, "derivatives checked: " + r.checked());
    }

    @Test
    void thePlantedWrongDerivativeIsNamedAndNothingElse() {
        OpCheck.Report r = OpCheck.check(network(WRONG_SOFTSIGN));
        assertFalse(r.passed());
        assertEquals("softsign", r.firstFailure().orElseThrow().op());
        assertEquals(Shape.of(4, 5), r.firstFailure().orElseThrow().inputShapes().get(0));
        assertTrue(r.failures().stream().allMatch(f -> f.op().equals("softsign")), r::describe);
        assertTrue(r.describe().contains("softsign"), r::describe);
    }

    /** z = a * b with the partial for b wrong (a + b instead of a). */
    private static final class WrongProduct implements Op {
        @Override
        public String name() {
            return "wrongproduct";
        }

        @Override
        public Shape outputShape(Shape... inputs) {
            Op.checkArity(this, inputs, 2);
            return inputs[0];
        }

        @Override
        public double[] forward(OpCall call) {
            double[] a = call.input(0);
            double[] b = call.input(1);
            double[] y = new double[a.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = a[i] * b[i];
            }
            return y;
        }

        @Override
        public double[][] backward(OpCall call, double[] g) {
            double[] a = call.input(0);
            double[] b = call.input(1);
            double[] ga = new double[a.length];
            double[] gb = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                ga[i] = g[i] * b[i];
                gb[i] = g[i] * (a[i] + b[i]);
            }
            return new double[][] {ga, gb};
        }
    }

    @Test
    void aCustomOpWithOneWrongPartialIsNamedWithTheInput() {
        Tape tape = new Tape();
        Tensor a = tape.tensor(Shape.of(3), 0.5, -1.0, 2.0);
        Tensor b = tape.tensor(Shape.of(3), 1.5, 0.25, -0.75);
        Tensor z = (Tensor) new WrongProduct().apply(a.exp(), b.sin());
        z.sigmoid().sum().backward();
        OpCheck.Report r = OpCheck.check(tape);
        OpCheck.Failure f = r.firstFailure().orElseThrow();
        assertEquals("wrongproduct", f.op());
        assertEquals(1, f.input());
        assertTrue(r.failures().stream().allMatch(x -> x.input() == 1 && x.op().equals("wrongproduct")), r::describe);
    }

    @Test
    void scalarFastPathNodesAreChecked() {
        Tape tape = new Tape();
        Scalar x = tape.scalar(0.7);
        Scalar y = tape.scalar(-1.3);
        x.mul(y).add(x.pow(y.abs())).div(y.sub(2.0)).exp().tanh().sin().cos().log();
        OpCheck.Report r = OpCheck.check(tape);
        assertTrue(r.passed(), r::describe);
        assertEquals(11, r.ops());
        assertTrue(r.checked() >= 13, r::describe);
    }

    @Test
    void kinksAreSkippedNotReported() {
        Tape tape = new Tape();
        Tensor t = tape.tensor(Shape.of(4), -1.0, 0.0, 2.0, 0.0);
        t.relu().abs().sum();
        OpCheck.Report r = OpCheck.check(tape);
        assertTrue(r.passed(), r::describe);
        assertTrue(r.skipped() >= 2, r::describe);
    }

    @Test
    void theRecordedTapeIsNotChanged() {
        Tape tape = new Tape();
        Tensor t = tape.tensor(Shape.of(2), 0.3, 0.4);
        Tensor u = t.sigmoid();
        int size = tape.size();
        OpCheck.check(tape);
        assertEquals(size, tape.size());
        assertEquals(1 / (1 + Math.exp(-0.3)), u.values()[0], 0.0);
        assertEquals(0.4, t.values()[1], 0.0);
    }

    @Test
    void aStepOutsideTheOpsDomainIsSkippedNotThrown() {
        UnaryOp clampedLog = UnaryOp.of("probabilitylog", x -> {
            if (x < 0 || x > 1) {
                throw new IllegalArgumentException("probabilitylog: " + x + " is not a probability");
            }
            return Math.log(Math.max(x, 1e-300));
        }, x -> 1 / x);
        Tape tape = new Tape();
        clampedLog.apply(tape.tensor(Shape.of(3), 0.25, 1.0, 0.5)).sum();
        OpCheck.Report r = OpCheck.check(tape);
        assertTrue(r.passed(), r::describe);
        assertEquals(1, r.skipped(), r::describe);
        // First order: the log at 0.25 and 0.5, and the sum at all three; second order: the sum's backward
        // at all three (the custom log, differentiable once, has no second order to check).
        assertEquals(8, r.checked(), r::describe);
    }

    @Test
    void namesTheOpWhoseSecondDerivativeIsWrong() {
        // The numeric derivative is right (cos), the differentiable one is wrong (sin instead of cos):
        // first-order checks cannot see it, the second-order pass must.
        UnaryOp badSin = new UnaryOp() {
            @Override
            public String name() {
                return "badsin";
            }

            @Override
            public double value(double x) {
                return Math.sin(x);
            }

            @Override
            public double derivative(double x, double y) {
                return Math.cos(x);
            }

            @Override
            public Tensor derivative(Tensor x, Tensor y) {
                return x.sin();
            }
        };
        Tape tape = new Tape();
        Tensor t = tape.tensor(Shape.of(3), 0.3, -0.8, 1.1);
        badSin.apply(t.mul(2.0)).tanh().sum();
        OpCheck.Report r = OpCheck.check(tape);
        assertFalse(r.passed(), r::describe);
        OpCheck.Failure f = r.firstFailure().orElseThrow();
        assertEquals("badsin", f.op());
        assertEquals(2, f.order());
        assertTrue(r.failures().stream().allMatch(x -> x.op().equals("badsin") && x.order() == 2), r::describe);
        assertTrue(f.toString().contains("second derivative"), f::toString);
    }
}
