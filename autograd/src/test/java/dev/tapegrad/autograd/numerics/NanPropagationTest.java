package dev.tapegrad.autograd.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

/**
 * A NaN input gives a NaN output through relu, abs, max and min, on the scalar and the tensor path, so
 * that a NaN weight or NaN data can never hide behind a finite loss. The gradients follow PyTorch
 * float64: relu passes the incoming gradient through at NaN (its backward masks only {@code y <= 0}),
 * abs takes {@code sgn(NaN) = 0}, and a full max or min sends the gradient to the NaN elements.
 */
class NanPropagationTest {
    private static final double NAN = Double.NaN;

    @Test
    void reluOfNanIsNanOnTheScalarPath() {
        Tape tape = new Tape();
        Scalar x = tape.scalar(NAN);
        Scalar y = x.relu();
        assertTrue(Double.isNaN(y.value()), "relu(NaN) = " + y.value());
        assertEquals(1.0, y.backward().of(x), 0.0);
    }

    @Test
    void reluOfNanIsNanOnTheTensorPath() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(3), NAN, -1, 2);
        Tensor y = x.relu();
        assertArrayEquals(new double[] {NAN, 0, 2}, y.values(), 0.0);
        assertArrayEquals(new double[] {1, 0, 1}, y.sum().backward().of(x), 0.0);
    }

    @Test
    void nanBehindReluMakesTheLossNan() {
        Tape tape = new Tape();
        Tensor w = tape.tensor(Shape.of(2), NAN, 1);
        Scalar loss = w.relu().mul(w.relu()).sum();
        assertTrue(Double.isNaN(loss.value()), "loss = " + loss.value());
    }

    @Test
    void absOfNanIsNan() {
        Tape tape = new Tape();
        assertTrue(Double.isNaN(tape.scalar(NAN).abs().value()));
        assertTrue(Double.isNaN(tape.tensor(Shape.of(1), NAN).abs().values()[0]));
    }

    @Test
    void absGradientIsPyTorchsSignAtNanAndSignedZero() {
        // PyTorch float64: d|x|/dx is sgn(x), 0 at NaN and +0 (not -0) at -0.
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(4), NAN, -0.0, -2, 3);
        double[] g = x.abs().sum().backward().of(x);
        assertArrayEquals(new double[] {0, 0, -1, 1}, g, 0.0);
        assertEquals(1.0 / g[1], Double.POSITIVE_INFINITY, "the gradient at -0 is +0");
        Scalar s = tape.scalar(NAN);
        assertEquals(0.0, s.abs().backward().of(s), 0.0);
    }

    @Test
    void maxAndMinOfAllElementsAreNanAndRouteTheGradientToTheNan() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(3), 1, NAN, 3);
        Scalar max = x.max();
        Scalar min = x.min();
        assertTrue(Double.isNaN(max.value()), "max = " + max.value());
        assertTrue(Double.isNaN(min.value()), "min = " + min.value());
        assertArrayEquals(new double[] {0, 1, 0}, max.backward().of(x), 0.0);
        assertArrayEquals(new double[] {0, 1, 0}, min.backward().of(x), 0.0);
    }

    @Test
    void nanElementsShareTheFullMaximumsGradient() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(4), NAN, 2, NAN, 1);
        assertArrayEquals(new double[] {0.5, 0, 0.5, 0}, x.max().backward().of(x), 0.0);
    }

    @Test
    void maxAndMinAlongAnAxisAreNanAndRouteTheGradientToTheFirstNan() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(2, 3), 1, NAN, NAN, 4, 5, 6);
        Tensor max = x.max(1);
        Tensor min = x.min(1, true);
        assertArrayEquals(new double[] {NAN, 6}, max.values(), 0.0);
        assertArrayEquals(new double[] {NAN, 4}, min.values(), 0.0);
        Gradients gMax = max.sum().backward();
        assertArrayEquals(new double[] {0, 1, 0, 0, 0, 1}, gMax.of(x), 0.0);
        Gradients gMin = min.sum().backward();
        assertArrayEquals(new double[] {0, 1, 0, 1, 0, 0}, gMin.of(x), 0.0);
    }
}
