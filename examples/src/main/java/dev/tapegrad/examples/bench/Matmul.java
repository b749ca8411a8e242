package dev.tapegrad.examples.bench;

import dev.tapegrad.autograd.kernel.Gemm;

/**
 * The matrix-product workload: {@code C += A B} for 1024 x 1024 float64 matrices, the kernel under
 * {@code Tensor.matmul} and both of its backward products. Runs on as many threads as the pool it is
 * called in allows.
 */
public final class Matmul {
    private final int n;
    private final double[] a;
    private final double[] b;
    private final double[] c;

    /** Square matrices of side {@code n} with fixed, non-trivial values. */
    public Matmul(int n) {
        this.n = n;
        a = new double[n * n];
        b = new double[n * n];
        c = new double[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.sin(i);
            b[i] = Math.cos(i);
        }
    }

    /** Floating-point operations in one {@link #run()}. */
    public double flops() {
        return 2.0 * n * n * n;
    }

    /** One product; returns an element of C. */
    public double run() {
        Gemm.multiplyAdd(false, false, n, n, n, a, 0, b, 0, c, 0);
        return c[n + 1];
    }
}
