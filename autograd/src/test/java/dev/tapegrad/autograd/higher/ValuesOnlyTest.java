package dev.tapegrad.autograd.higher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapegrad.autograd.Functional;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@code jacobian} and {@code hessian} with {@code createGraph = false} (PyTorch's default): the same
 * values as the recorded forms, as a constant of the same shape. The closed forms (a quadratic form's
 * Hessian, softmax's Jacobian) check both forms in {@link HigherOrderTest}.
 */
class ValuesOnlyTest {
    /** A function with sigmoid, tanh, products, slices and a reduction: both forms agree to 1e-12 relative. */
    @Test
    void valuesEqualTheRecordedFormOnANonQuadraticFunction() {
        Tape tape = new Tape();
        Tensor w = tape.tensor(Shape.of(2, 3), 0.4, -0.2, 0.9, 0.1, 0.7, -0.5);
        Tensor x = tape.tensor(Shape.of(6), 0.3, -0.7, 1.1, 0.2, -0.4, 0.8);
        // w is captured: the Hessian is with respect to the argument alone.
        Function<Tensor, Scalar> f = t -> {
            Tensor m = t.reshape(3, 2);
            Tensor h = w.matmul(m).sigmoid();
            return h.mul(t.slice(0, 0, 2).tanh()).sum().add(t.mul(t).mul(t).sum());
        };
        double[] recorded = Functional.hessian(f, x).values();
        Tensor values = Functional.hessian(f, x, false);
        assertEquals(Shape.of(6, 6), values.shape());
        double[] got = values.values();
        for (int k = 0; k < got.length; k++) {
            assertEquals(recorded[k], got[k], 1e-12 * Math.max(1, Math.abs(recorded[k])), "element " + k);
        }
        double[] jr = Functional.jacobian(t -> t.tanh().mul(t.sum()), x).values();
        assertArrayEquals(jr, Functional.jacobian(t -> t.tanh().mul(t.sum()), x, false).values(), 1e-12);
        assertArrayEquals(recorded, Functional.hessian(f, x, true).values(), 0.0);
    }

    @Test
    void aFunctionThatIgnoresItsArgumentHasAZeroHessian() {
        Tape tape = new Tape();
        Tensor c = tape.tensor(Shape.of(2), 1.5, -2.0);
        Tensor x = tape.tensor(Shape.of(2), 0.1, 0.2);
        Tensor h = Functional.hessian(t -> c.mul(c).sum(), x, false);
        assertArrayEquals(new double[4], h.values(), 0.0);
    }

    /** Used further, a values-only Hessian is a constant: the gradient of its sum with respect to x is zero. */
    @Test
    void nothingDifferentiatesThroughIt() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(2), 0.5, -1.0);
        Tensor h = Functional.hessian(t -> t.mul(t).mul(t).sum(), x, false);
        // 6 x on the diagonal.
        assertArrayEquals(new double[] {3, 0, 0, -6}, h.values(), 1e-15);
        assertArrayEquals(new double[2], h.sum().add(x.sum().mul(0.0)).grad(x).values(), 0.0);
    }
}
