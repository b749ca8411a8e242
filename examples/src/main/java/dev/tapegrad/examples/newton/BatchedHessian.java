package dev.tapegrad.examples.newton;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import java.util.Objects;
import java.util.function.Function;

/**
 * The Hessian of a function of {@code n} parameters in two reverse sweeps instead of {@code n + 1}, for a
 * function that can be evaluated on {@code n} parameter vectors at once (PyTorch's
 * {@code hessian(..., vectorize=True)}). The parameters are copied into the rows of {@code P [n, n]}, and
 * {@code rows(P)} must return {@code sum_k f(P_k)} with each term depending on its own row only. Then
 * {@code G = d rows / dP} has {@code grad f} in every row, and {@code d(sum_k G[k][k]) / dP[k][j]} is
 * {@code d^2 f / dx_k dx_j}: the Hessian, row by row. Only public API: {@code expand}, {@code grad}.
 */
public final class BatchedHessian {
    private BatchedHessian() {}

    /**
     * The Hessian {@code [n, n]} at {@code x [n]}, a node on {@code x}'s tape (so it can be differentiated
     * again). Modifies nothing.
     *
     * @param rows {@code P [n, n] -> sum over k of f(P_k)}, each term a function of row {@code k} alone
     * @throws IllegalArgumentException if {@code x} is not a vector, or {@code rows} returns a scalar from
     *     another tape
     */
    public static Tensor hessian(Function<Tensor, Scalar> rows, Tensor x) {
        Objects.requireNonNull(rows, "BatchedHessian: rows");
        Objects.requireNonNull(x, "BatchedHessian: x");
        checkArgument(x.shape().rank() == 1, "BatchedHessian: x must be a vector, got shape %s", x.shape());
        int n = x.shape().dim(0);
        // A fresh node, so the derivative is taken along the copies only, never along x's other uses.
        Tensor p = x.reshape(1, n).expand(Shape.of(n, n)).mul(1.0);
        Scalar total = Objects.requireNonNull(rows.apply(p), "BatchedHessian: rows returned null");
        x.tape().checkSameTape("BatchedHessian", total);
        Tensor g = total.grad(p);
        double[] eye = new double[n * n];
        for (int i = 0; i < n; i++) {
            eye[i * n + i] = 1.0;
        }
        return g.mul(x.tape().constant(Shape.of(n, n), eye)).sum().grad(p);
    }
}
