package dev.tapegrad.autograd.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

/**
 * {@code 0.0} and {@code -0.0} are equal numbers, so they tie for the maximum: the full {@code max()}
 * and {@code min()} share the gradient between them (PyTorch float64 gives 0.5 and 0.5), and
 * {@code max(axis)}/{@code min(axis)} send it to the first of them. Random programs meet such ties
 * naturally: relu gives 0.0, {@code x * 0} gives -0.0.
 */
class SignedZeroTiesTest {
    @Test
    void fullMaxSharesBetweenSignedZeros() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(2), 0.0, -0.0);
        assertArrayEquals(new double[] {0.5, 0.5}, x.max().backward().of(x), 0.0);
        Tensor y = tape.tensor(Shape.of(3), -0.0, -1.0, 0.0);
        assertArrayEquals(new double[] {0.5, 0, 0.5}, y.max().backward().of(y), 0.0);
    }

    @Test
    void fullMinSharesBetweenSignedZeros() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(2), -0.0, 0.0);
        assertArrayEquals(new double[] {0.5, 0.5}, x.min().backward().of(x), 0.0);
    }

    @Test
    void reluAndTimesZeroTieInAProgram() {
        Tape tape = new Tape();
        Tensor a = tape.tensor(Shape.of(2), -3.0, -2.0);
        // relu(-3) = 0.0 and -2 * 0 = -0.0: a tie between the two elements of the stack.
        Tensor x = Tensor.concat(0, a.slice(0, 0, 1).relu(), a.slice(0, 1, 2).mul(0.0));
        double[] g = x.max().backward().of(a);
        assertArrayEquals(new double[] {0.0, 0.0}, g, 0.0);
        double[] gx = x.max().backward().of(x);
        assertArrayEquals(new double[] {0.5, 0.5}, gx, 0.0);
    }

    @Test
    void reluKeepsNegativeZeroAsPyTorchDoes() {
        // PyTorch computes relu as x < 0 ? 0 : x, so relu(-0.0) is -0.0 and 1 / relu(-0.0) is -infinity.
        Tape tape = new Tape();
        double[] y = tape.tensor(Shape.of(2), -0.0, 0.0).relu().values();
        assertArrayEquals(new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY},
                new double[] {1 / y[0], 1 / y[1]}, 0.0);
        assertArrayEquals(new double[] {Double.NEGATIVE_INFINITY}, new double[] {1 / tape.scalar(-0.0).relu().value()}, 0.0);
    }

    @Test
    void maxAlongAnAxisPicksTheFirstOfTiedZeros() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(2, 2), -0.0, 0.0, 0.0, -0.0);
        assertArrayEquals(new double[] {1, 0, 1, 0}, x.max(1).sum().backward().of(x), 0.0);
        assertArrayEquals(new double[] {1, 0, 1, 0}, x.min(1).sum().backward().of(x), 0.0);
    }
}
