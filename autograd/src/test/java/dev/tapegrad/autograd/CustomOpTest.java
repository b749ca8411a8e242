package dev.tapegrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.ops.Check;
import dev.tapegrad.autograd.ops.Domains;
import dev.tapegrad.autograd.ops.GradProperty;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** A user's ops take part in backward and in gradient checks exactly like built-in ones. */
class CustomOpTest {
    /** softplus(x) = ln(1 + e^x); derivative sigmoid(x). */
    static final UnaryOp SOFTPLUS = UnaryOp.of("softplus", x -> Math.log1p(Math.exp(x)), (x, y) -> 1 / (1 + Math.exp(-x)));

    /** Cumulative sum along the last axis: y_i = sum_{j <= i} x_j; the VJP is the reversed cumulative sum. */
    static final Op CUMSUM = new Op() {
        @Override
        public String name() {
            return "cumsum";
        }

        @Override
        public Shape outputShape(Shape... inputs) {
            Op.checkArity(this, inputs, 1);
            if (inputs[0].rank() == 0) {
                throw new IllegalArgumentException("cumsum: needs at least 1 dimension, got " + inputs[0]);
            }
            return inputs[0];
        }

        @Override
        public double[] forward(OpCall call) {
            double[] x = call.input(0);
            int n = call.inputShape(0).dim(-1);
            double[] y = new double[x.length];
            for (int r = 0; r < x.length; r += n) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += x[r + i];
                    y[r + i] = s;
                }
            }
            return y;
        }

        @Override
        public double[][] backward(OpCall call, double[] g) {
            int n = call.inputShape(0).dim(-1);
            double[] gx = new double[g.length];
            for (int r = 0; r < g.length; r += n) {
                double s = 0;
                for (int i = n - 1; i >= 0; i--) {
                    s += g[r + i];
                    gx[r + i] = s;
                }
            }
            return new double[][] {gx};
        }
    };

    /** hypot(a, b) = sqrt(a^2 + b^2), broadcast; partials a / y and b / y. */
    static final BinaryOp HYPOT = new BinaryOp() {
        @Override
        public String name() {
            return "hypot";
        }

        @Override
        public double value(double a, double b) {
            return Math.hypot(a, b);
        }

        @Override
        public double partialA(double a, double b, double y) {
            return a / y;
        }

        @Override
        public double partialB(double a, double b, double y) {
            return b / y;
        }
    };

    @Provide
    Arbitrary<GradCheck.Input> inputs() {
        return Domains.inputs(Domains.shapes(1, 3), Domains.between(-2, 2));
    }

    @Provide
    Arbitrary<GradCheck.Input> awayFromZero() {
        return Domains.inputs(Domains.shapes(1, 3), Domains.awayFromZero(0.2, 2));
    }

    @GradProperty
    void unaryOpOfMatchesFiniteDifferences(@ForAll("inputs") GradCheck.Input in) {
        Check.firstOrder(t -> SOFTPLUS.apply(t.mul(t)).mul(t).sum(), in);
        Check.firstOrder(t -> SOFTPLUS.apply(t.sum()).mul(t.get(new int[t.shape().rank()])), in);
    }

    @GradProperty
    void customOpMatchesFiniteDifferences(@ForAll("inputs") GradCheck.Input in) {
        Check.firstOrder(t -> CUMSUM.apply(t.sin()).asTensor().mul(t), in);
    }

    @GradProperty
    void customBinaryOpBroadcastsAndMatchesFiniteDifferences(@ForAll("awayFromZero") GradCheck.Input in) {
        Check.firstOrderAll(ts -> HYPOT.apply(ts.get(0), ts.get(1)),
                in, GradCheck.Input.of(Shape.of(1), 0.7));
    }

    @Test
    void customOpsTakePartInBackward() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(3), 1, 2, 3);
        // L = sum(cumsum(x) * [1, 10, 100]) = x0 (111) + x1 (110) + x2 (100)
        Scalar loss = CUMSUM.apply(x).asTensor().mul(tape.constant(Shape.of(3), 1, 10, 100)).sum();
        assertArrayEquals(new double[] {111, 110, 100}, loss.backward().of(x), 0.0);
        Scalar s = tape.scalar(0.3);
        double sig = 1 / (1 + Math.exp(-0.3));
        assertEquals(sig, SOFTPLUS.apply(s).backward().of(s), 1e-15);
    }

    @Test
    void gradCheckCatchesAWrongDerivativeAndSaysWhere() {
        UnaryOp wrong = UnaryOp.of("wrongSquare", x -> x * x, (x, y) -> 2 * x + 0.1);
        GradCheck.Report r = GradCheck.withDefaults().checkAll(ts -> wrong.apply(ts.get(1)).sum().add(ts.get(0).sum()),
                List.of(GradCheck.Input.of(Shape.of(2), 1, 2), GradCheck.Input.of(Shape.of(2, 2), 1, 2, 3, 4)));
        assertFalse(r.passed());
        assertEquals(4, r.mismatches().size());
        GradCheck.Mismatch m = r.mismatches().get(1);
        assertEquals(1, m.input());
        assertArrayEquals(new int[] {0, 1}, m.element());
        assertEquals(4.0, m.numeric(), 1e-6);
        assertEquals(4.1, m.analytic(), 1e-12);
        String d = r.describe();
        assertTrue(d.contains("input 1 element [0, 1]") && d.contains("numeric ") && d.contains("analytic 4.100000000"), d);
        assertTrue(GradCheck.check(t -> t.mul(t).sum(), 1, 2).passed());
    }

    @Test
    void aCustomOpThatBreaksItsContractGetsAClearError() {
        Op shortGradient = new Op() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public Shape outputShape(Shape... inputs) {
                return inputs[0];
            }

            @Override
            public double[] forward(OpCall call) {
                return call.input(0).clone();
            }

            @Override
            public double[][] backward(OpCall call, double[] g) {
                return new double[][] {new double[1]};
            }
        };
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(3), 1, 2, 3);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> shortGradient.apply(x).asTensor().sum().backward());
        assertTrue(e.getMessage().startsWith("broken:"), e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> CUMSUM.apply(tape.scalar(1)));
        assertTrue(bad.getMessage().startsWith("cumsum:"), bad.getMessage());
    }
}
