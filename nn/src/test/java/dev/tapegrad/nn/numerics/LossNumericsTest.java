package dev.tapegrad.nn.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.nn.Loss;
import org.junit.jupiter.api.Test;

/**
 * The losses at the edges of their domains, against values PyTorch float64 computed
 * ({@code torch.nn.functional}, version 1.13): NaN propagates through every clamp, the clamps act where
 * PyTorch's do, and a class that cannot occur ({@code -inf} logit) does not poison the cross-entropy.
 */
class LossNumericsTest {
    private static final double NAN = Double.NaN;

    @Test
    void bceClampsAtZeroAndOneAsPyTorchDoes() {
        Tape tape = new Tape();
        Tensor p = tape.tensor(Shape.of(3), 0, 1, 0.5);
        Tensor t = tape.constant(Shape.of(3), 0.3, 0.3, 0.3);
        Scalar loss = Loss.bce(p, t);
        assertEquals(33.564382393519985, loss.value(), 1e-14);
        double[] expected = {-100000000399.58028, 233333334265.6873, 0.26666666666666666};
        double[] g = loss.backward().of(p);
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i], g[i], Math.abs(expected[i]) * 1e-15, "dL/dp[" + i + "]");
        }
    }

    @Test
    void nanPassesThroughTheBceClamps() {
        Tape tape = new Tape();
        Tensor p = tape.tensor(Shape.of(2), NAN, 0.5);
        Tensor t = tape.tensor(Shape.of(2), 0.3, 0.3);
        Scalar loss = Loss.bce(p, t);
        assertTrue(Double.isNaN(loss.value()), "bce = " + loss.value());
        Gradients g = loss.backward();
        assertTrue(Double.isNaN(g.of(p)[0]) && Double.isNaN(g.of(t)[0]), "the NaN element's gradients are NaN");
        assertEquals(0.4, g.of(p)[1], 1e-15, "the other element's gradient, (0.5 - 0.3) / 0.25 / 2");
    }

    @Test
    void nanPassesThroughBceWithLogitsAndMse() {
        Tape tape = new Tape();
        Tensor z = tape.tensor(Shape.of(2), NAN, 1);
        Tensor t = tape.constant(Shape.of(2), 0.3, 0.3);
        Scalar bce = Loss.bceWithLogits(z, t);
        assertTrue(Double.isNaN(bce.value()));
        double[] g = bce.backward().of(z);
        assertTrue(Double.isNaN(g[0]));
        assertEquals(0.21552928931500245, g[1], 1e-16);
        Scalar mse = Loss.mse(z, t);
        assertTrue(Double.isNaN(mse.value()));
        assertTrue(Double.isNaN(mse.backward().of(z)[0]));
    }

    @Test
    void bceWithLogitsAtPlusMinusOneThousand() {
        Tape tape = new Tape();
        Tensor z = tape.tensor(Shape.of(2), 1e3, -1e3);
        Tensor t = tape.tensor(Shape.of(2), 0.3, 0.3);
        Scalar loss = Loss.bceWithLogits(z, t);
        assertEquals(500.0, loss.value(), 0.0);
        Gradients g = loss.backward();
        assertArrayEquals(new double[] {0.35, -0.15}, g.of(z), 1e-16);
        assertArrayEquals(new double[] {-500.0, 500.0}, g.of(t), 0.0);
    }

    @Test
    void bceWithLogitsAtInfiniteLogitsIsTheLimit() {
        // z = +inf with t < 1 and z = -inf with t > 0 are certain mistakes: the loss is +inf (PyTorch float64
        // gives +inf for the first, and NaN for the second, from -inf + inf in its formula).
        Tape tape = new Tape();
        Tensor t = tape.constant(Shape.of(1), 0.3);
        assertEquals(Double.POSITIVE_INFINITY, Loss.bceWithLogits(tape.tensor(Shape.of(1), Double.POSITIVE_INFINITY), t)
                .value());
        assertEquals(Double.POSITIVE_INFINITY, Loss.bceWithLogits(tape.tensor(Shape.of(1), Double.NEGATIVE_INFINITY), t)
                .value());
    }

    @Test
    void crossEntropyIgnoresAnImpossibleClassThatIsNotTheTarget() {
        Tape tape = new Tape();
        Tensor z = tape.tensor(Shape.of(1, 3), Double.NEGATIVE_INFINITY, 1, 2);
        Scalar loss = Loss.crossEntropy(z, new int[] {1});
        assertEquals(1.3132616875182228, loss.value(), 1e-15);
        assertArrayEquals(new double[] {0, -0.7310585786300049, 0.7310585786300049}, loss.backward().of(z), 1e-16);
    }

    @Test
    void crossEntropyOfACertainClassIsPositiveZero() {
        // PyTorch returns +0.0 (a sum of negated log-probabilities from +0); 1 / loss must be +infinity.
        Tape tape = new Tape();
        Scalar loss = Loss.crossEntropy(tape.tensor(Shape.of(1, 1), -3e299), new int[] {0});
        assertEquals(Double.POSITIVE_INFINITY, 1 / loss.value());
    }

    @Test
    void crossEntropyOfLargeLogitsKeepsFullPrecision() {
        Tape tape = new Tape();
        Tensor z = tape.tensor(Shape.of(1, 3), 1e10, 1e10 + 1, 1e10 + 2);
        assertEquals(1.4076059644443804, Loss.crossEntropy(z, new int[] {1}).value(), 1e-15);
    }
}
