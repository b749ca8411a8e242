package dev.tapegrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Gradients compared with derivatives worked out by hand. */
class HandDerivedTest {
    @Test
    void squareHasDerivativeTwoX() {
        for (double v : new double[] {-3.5, 0.0, 1.25, 7.0}) {
            Tape tape = new Tape();
            Scalar x = tape.scalar(v);
            assertEquals(2 * v, x.mul(x).backward().of(x), 0.0);
        }
    }

    @Test
    void microgradSketchMatchesHandDerivation() {
        // z = 3x + 2 for x = -4 is -10; y = relu(z^2) + relu(z) + z x = 100 + 0 + 40 = 140.
        // dy/dx = 2 z * 3 + 0 + (3 x + z) = -60 + (-12 - 10) = -82.
        Tape tape = new Tape();
        Scalar x = tape.scalar(-4.0);
        Scalar z = x.mul(2).add(2).add(x);
        Scalar y = z.mul(z).relu().add(z.relu()).add(z.mul(x));
        assertEquals(140.0, y.value(), 0.0);
        assertEquals(-82.0, y.backward().of(x), 1e-12);
    }

    @Test
    void sigmoidLayerGradientWrittenOutByHand() {
        // L = sum((sigmoid(W x + b) - t)^2) for a 2x2 layer; dL/dW[i][j] = 2 (y_i - t_i) y_i (1 - y_i) x_j.
        double[] w = {0.3, -0.7, 1.1, 0.2};
        double[] b = {0.05, -0.4};
        double[] xv = {0.9, -1.3};
        double[] t = {1.0, 0.0};
        Tape tape = new Tape();
        Tensor wt = tape.tensor(Shape.of(2, 2), w);
        Tensor bt = tape.tensor(Shape.of(2), b);
        Tensor x = tape.constant(Shape.of(2, 1), xv);
        Tensor y = wt.matmul(x).reshape(2).add(bt).sigmoid();
        Scalar loss = y.sub(tape.constant(Shape.of(2), t)).pow(2).sum();
        Gradients g = loss.backward();
        double[] gw = new double[4];
        double[] gb = new double[2];
        for (int i = 0; i < 2; i++) {
            double pre = w[2 * i] * xv[0] + w[2 * i + 1] * xv[1] + b[i];
            double yi = 1 / (1 + Math.exp(-pre));
            double delta = 2 * (yi - t[i]) * yi * (1 - yi);
            gb[i] = delta;
            gw[2 * i] = delta * xv[0];
            gw[2 * i + 1] = delta * xv[1];
        }
        assertArrayEquals(gw, g.of(wt), 1e-15);
        assertArrayEquals(gb, g.of(bt), 1e-15);
    }
}
