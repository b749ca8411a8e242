package dev.tapegrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

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
}
