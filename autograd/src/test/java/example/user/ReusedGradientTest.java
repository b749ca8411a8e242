package example.user;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

/**
 * A user's op, in a user's package, that returns the same gradient array from every backward. The
 * tape must not add into it: backward twice must still give equal answers.
 */
class ReusedGradientTest {
    /** y = x + 1 elementwise on a [2] tensor; dy/dx = 1, returned from one array it keeps. */
    private static final class ShiftByOne implements Op {
        private final double[] ones = {1.0, 1.0};

        @Override
        public String name() {
            return "shift";
        }

        @Override
        public Shape outputShape(Shape... inputs) {
            return inputs[0];
        }

        @Override
        public double[] forward(OpCall call) {
            double[] x = call.input(0);
            return new double[] {x[0] + 1, x[1] + 1};
        }

        @Override
        public double[][] backward(OpCall call, double[] gradOutput) {
            return new double[][] {ones};
        }
    }

    @Test
    void backwardTwiceIsEqualWhenAUserOpReusesItsGradientArray() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(2), 0.5, -1.5);
        Tensor tripled = x.mul(3.0);
        // Recorded last, so the reverse sweep reaches it first: its array is x's first contribution,
        // the one the sweep would otherwise keep and add the others into.
        Tensor shifted = new ShiftByOne().apply(x).asTensor();
        Scalar loss = tripled.add(shifted).sum();
        // d/dx (3x + x + 1) = 4 for each element, every time.
        assertArrayEquals(new double[] {4, 4}, loss.backward().of(x), 0.0);
        assertArrayEquals(new double[] {4, 4}, loss.backward().of(x), 0.0);
        assertArrayEquals(new double[] {4, 4}, loss.backward().of(x), 0.0);
    }

    @Test
    void reachedTellsUnusedFromZeroGradient() {
        Tape tape = new Tape();
        Scalar a = tape.scalar(2.0);
        Scalar b = tape.scalar(3.0);
        Scalar c = tape.constant(4.0);
        Scalar flat = a.relu().mul(0.0); // reached, gradient exactly 0
        b.mul(5.0); // recorded, but not on a path to the loss
        Gradients g = flat.add(c).backward();
        assertTrue(g.reached(a));
        assertFalse(g.reached(b));
        assertFalse(g.reached(c));
    }
}
