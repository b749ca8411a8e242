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

    @Test
    void crossEntropyOfLogSoftmaxHasGradientSoftmaxMinusOneHot() {
        // L = -logSoftmax(z)[k] = ln sum_j e^z_j - z_k; dL/dz_j = softmax(z)_j - [j == k].
        double[] z = {0.5, -1.25, 2.0, 0.0};
        int k = 1;
        Tape tape = new Tape();
        Tensor zt = tape.tensor(Shape.of(4), z);
        Scalar loss = zt.logSoftmax(0).get(k).neg();
        double total = 0;
        for (double v : z) {
            total += Math.exp(v);
        }
        double[] expected = new double[4];
        for (int j = 0; j < 4; j++) {
            expected[j] = Math.exp(z[j]) / total - (j == k ? 1 : 0);
        }
        assertEquals(Math.log(total) - z[k], loss.value(), 1e-14);
        assertArrayEquals(expected, loss.backward().of(zt), 1e-15);
    }

    @Test
    void matmulGradientsAreGTimesBTransposeAndATransposeTimesG() {
        // L = sum(W * (A B)) for A [2x3], B [3x2]: dL/dA = W B^T, dL/dB = A^T W.
        double[] a = {1, 2, 3, 4, 5, 6};
        double[] b = {0.5, -1, 2, 0.25, -3, 1};
        double[] w = {1, -2, 0.5, 3};
        Tape tape = new Tape();
        Tensor at = tape.tensor(Shape.of(2, 3), a);
        Tensor bt = tape.tensor(Shape.of(3, 2), b);
        Gradients g = at.matmul(bt).mul(tape.constant(Shape.of(2, 2), w)).sum().backward();
        double[] ga = new double[6];
        double[] gb = new double[6];
        for (int i = 0; i < 2; i++) {
            for (int p = 0; p < 3; p++) {
                for (int j = 0; j < 2; j++) {
                    ga[i * 3 + p] += w[i * 2 + j] * b[p * 2 + j];
                    gb[p * 2 + j] += a[i * 3 + p] * w[i * 2 + j];
                }
            }
        }
        assertArrayEquals(ga, g.of(at), 1e-14);
        assertArrayEquals(gb, g.of(bt), 1e-14);
    }

    @Test
    void broadcastGradientIsSummedOverTheBroadcastAxes() {
        // y = x (3x1) + b (1x4) then sum(y * c): dL/dx_i = sum_j c_ij, dL/db_j = sum_i c_ij.
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(3, 1), 1, 2, 3);
        Tensor b = tape.tensor(Shape.of(1, 4), 10, 20, 30, 40);
        double[] c = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        Gradients g = x.add(b).mul(tape.constant(Shape.of(3, 4), c)).sum().backward();
        assertArrayEquals(new double[] {10, 26, 42}, g.of(x), 0.0);
        assertArrayEquals(new double[] {15, 18, 21, 24}, g.of(b), 0.0);
    }
}
