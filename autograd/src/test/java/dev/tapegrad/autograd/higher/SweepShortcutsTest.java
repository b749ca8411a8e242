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
 * The recording sweep's shortcuts keep derivatives exact: gradients through several slices of one node
 * (joined by a concat, or padded where they overlap), constant gradients through structural ops (folded
 * into constants), constant-zero contributions (dropped). Each Hessian is checked against central finite
 * differences of the numeric gradient, and the third order where it is known by hand.
 */
class SweepShortcutsTest {
    private static final double[] X = {0.3, -0.7, 1.1, 0.4, -1.3, 0.9};

    /** The Hessian by {@code Functional.hessian} against finite differences of {@code backward()}. */
    private static void hessianMatchesFiniteDifferences(Function<Tensor, Scalar> f, Shape shape, double[] x) {
        Tape tape = new Tape();
        double[] h = Functional.hessian(f, tape.tensor(shape, x)).values();
        int n = x.length;
        double eps = 1e-5;
        for (int j = 0; j < n; j++) {
            double[] up = x.clone();
            double[] down = x.clone();
            up[j] += eps;
            down[j] -= eps;
            double[] gu = gradient(f, shape, up);
            double[] gd = gradient(f, shape, down);
            for (int i = 0; i < n; i++) {
                double fd = (gu[i] - gd[i]) / (2 * eps);
                assertEquals(fd, h[i * n + j], 1e-6 * Math.max(1, Math.abs(fd)), "H[" + i + "][" + j + "]");
            }
        }
    }

    private static double[] gradient(Function<Tensor, Scalar> f, Shape shape, double[] x) {
        Tape tape = new Tape();
        Tensor t = tape.tensor(shape, x);
        return f.apply(t).backward().of(t);
    }

    @Test
    void slicesThatTileTheAxis() {
        hessianMatchesFiniteDifferences(v -> v.slice(0, 0, 2).sin().sum().mul(v.slice(0, 2, 5).exp().sum())
                .add(v.slice(0, 5, 6).pow(3).sum()), Shape.of(6), X);
    }

    @Test
    void slicesWithGapsAndOverlaps() {
        // [0, 2) and [4, 6) leave a gap; [1, 4) overlaps the first.
        hessianMatchesFiniteDifferences(v -> v.slice(0, 0, 2).tanh().sum().mul(v.slice(0, 4, 6).square().sum())
                .add(v.slice(0, 1, 4).sigmoid().mul(v.slice(0, 1, 4)).sum()), Shape.of(6), X);
        hessianMatchesFiniteDifferences(v -> v.slice(0, 0, 1).mul(v.slice(0, 5, 6)).sum()
                .add(v.slice(0, 3, 4).exp().sum()), Shape.of(6), X);
    }

    @Test
    void slicesAlongTwoAxesOfOneNode() {
        hessianMatchesFiniteDifferences(m -> m.slice(0, 0, 1).sin().sum().mul(m.slice(1, 1, 3).square().sum())
                .add(m.slice(0, 1, 2).exp().sum()), Shape.of(2, 3), X);
    }

    @Test
    void sliceGradientsMeetOtherGradientsAtTheSameNode() {
        hessianMatchesFiniteDifferences(v -> v.slice(0, 0, 3).sum().mul(v.slice(0, 3, 6).sum())
                .add(v.square().mul(v.sin()).sum()), Shape.of(6), X);
    }

    @Test
    void thirdDerivativeThroughSlicesByHand() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(4), 0.5, -1.0, 2.0, 1.5);
        // f = 2 sum(x[0:2]^3) + sum(x[2:4]^4), separable: the third derivative is 12 on the first block, 24 x on the second.
        Function<Tensor, Scalar> f = v -> v.slice(0, 0, 2).pow(3).sum().mul(2).add(v.slice(0, 2, 4).pow(4).sum());
        Tensor third = Functional.grad(z -> Functional.grad(w -> Functional.grad(f, w).sum(), z).sum(), x);
        assertArrayEquals(new double[] {12.0, 12.0, 48.0, 36.0}, third.values(), 1e-12);
    }

    @Test
    void jacobianOfStructuralOpsIsAPermutationMatrix() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(6), X);
        // y = concat(x[3:6], x[0:3]) reshaped to [2, 3], transposed, flattened: y[k] = x[p(k)].
        Tensor j = Functional.jacobian(v -> Tensor.concat(0, v.slice(0, 3, 6), v.slice(0, 0, 3)).reshape(2, 3)
                .transpose().reshape(6), x);
        int[] p = {3, 0, 4, 1, 5, 2};
        double[] expected = new double[36];
        for (int k = 0; k < 6; k++) {
            expected[k * 6 + p[k]] = 1.0;
        }
        assertArrayEquals(expected, j.values(), 0.0);
    }

    @Test
    void jacobianRowsStayDifferentiable() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(3), 0.2, -0.4, 0.9);
        // J of v -> v * sum(v) is sum(v) I + v 1^T; the sum of its entries is 6 sum(v), so d/dv = 6.
        Tensor j = Functional.jacobian(v -> v.mul(v.sum()), x);
        assertArrayEquals(new double[] {6, 6, 6}, j.sum().grad(x).values(), 1e-12);
    }
}
