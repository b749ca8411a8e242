package dev.tapegrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Persistent values on a tape: one tensor per value however often asked for, below and above the
 * number the tape keeps in its short list before it switches to a map. */
class TapeLeafTest {
    /** A fixed-shape value; values() copies, as the contract asks. */
    private record Value(double[] data) implements Leaf {
        @Override
        public Shape shape() {
            return Shape.of(data.length);
        }

        @Override
        public double[] values() {
            return data.clone();
        }
    }

    @Test
    void eachValueIsOneTensorAndGetsBothUsesGradients() {
        for (int count : new int[] {1, 16, 17, 40}) {
            Value[] v = new Value[count];
            for (int i = 0; i < count; i++) {
                v[i] = new Value(new double[] {i, 2 * i});
            }
            Tape tape = new Tape();
            Scalar total = null;
            for (int i = 0; i < count; i++) {
                Tensor a = tape.leaf(v[i]);
                assertSame(a, tape.leaf(v[i]));
                // f = sum_i (v_i . v_i) * (i + 1): df/dv_i = 2 (i + 1) v_i
                Scalar s = a.mul(tape.leaf(v[i])).sum().mul(i + 1);
                total = total == null ? s : total.add(s);
            }
            Gradients g = total.backward();
            for (int i = 0; i < count; i++) {
                assertArrayEquals(new double[] {2.0 * (i + 1) * i, 2.0 * (i + 1) * 2 * i}, g.of(v[i]), 0.0,
                        "count " + count + " value " + i);
            }
            assertArrayEquals(new double[2], g.of(new Value(new double[] {1, 1})), 0.0);
        }
    }

    /** A value that counts its in-place changes, as a model's parameter does. */
    private static final class Versioned implements Leaf {
        final double[] data = {1, 2};
        long version;

        @Override
        public Shape shape() {
            return Shape.of(2);
        }

        @Override
        public double[] values() {
            return data.clone();
        }

        @Override
        public long version() {
            return version;
        }

        @Override
        public String name() {
            return "layer.w";
        }
    }

    @Test
    void aValueChangedAfterItWasPutOnTheTapeIsRefusedThere() {
        for (int others : new int[] {0, 20}) { // both of the tape's ways of keeping leaves
            Tape tape = new Tape();
            for (int i = 0; i < others; i++) {
                tape.leaf(new Value(new double[] {i}));
            }
            Versioned w = new Versioned();
            Tensor t = tape.leaf(w);
            Gradients g = t.mul(t).sum().backward();
            assertArrayEquals(new double[] {2, 4}, g.of(w), 0.0);
            w.version++;
            for (Runnable use : new Runnable[] {() -> tape.leaf(w), () -> g.of(w), () -> g.reached(w)}) {
                IllegalStateException e = assertThrows(IllegalStateException.class, use::run);
                assertTrue(e.getMessage().contains("'layer.w'") && e.getMessage().contains("new Tape per step"),
                        e.getMessage());
            }
            Tensor fresh = new Tape().leaf(w);
            assertArrayEquals(new double[] {1, 2}, fresh.values(), 0.0);
        }
    }
}
