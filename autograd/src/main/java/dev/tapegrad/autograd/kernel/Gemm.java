package dev.tapegrad.autograd.kernel;

/**
 * Dense matrix products on row-major arrays with offsets. {@code C[m x n] += op(A) op(B)}, where
 * {@code op(A)} is {@code A [m x k]} or, transposed, {@code A [k x m]}. Internal.
 */
public final class Gemm {
    private Gemm() {}

    /**
     * {@code C += op(A) * op(B)}.
     *
     * @param transA whether A is stored as {@code [k x m]}
     * @param transB whether B is stored as {@code [n x k]}
     */
    public static void multiplyAdd(boolean transA, boolean transB, int m, int n, int k,
                                   double[] a, int aOff, double[] b, int bOff, double[] c, int cOff) {
        if (!transA && !transB) {
            nn(m, n, k, a, aOff, b, bOff, c, cOff);
        } else if (!transA) {
            nt(m, n, k, a, aOff, b, bOff, c, cOff);
        } else if (!transB) {
            tn(m, n, k, a, aOff, b, bOff, c, cOff);
        } else {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) {
                        s += a[aOff + p * m + i] * b[bOff + j * k + p];
                    }
                    c[cOff + i * n + j] += s;
                }
            }
        }
    }

    // i-k-j order: the inner loop runs along rows of B and C, which HotSpot vectorises.
    private static void nn(int m, int n, int k, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * n;
            for (int p = 0; p < k; p++) {
                double av = a[aOff + i * k + p];
                int bp = bOff + p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += av * b[bp + j];
                }
            }
        }
    }

    // A B^T: both operands are read along rows, so each output element is a dot product.
    private static void nt(int m, int n, int k, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff) {
        for (int i = 0; i < m; i++) {
            int ai = aOff + i * k;
            for (int j = 0; j < n; j++) {
                int bj = bOff + j * k;
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[ai + p] * b[bj + p];
                }
                c[cOff + i * n + j] += s;
            }
        }
    }

    // A^T B: the p loop outermost keeps the inner loop along rows of B and C.
    private static void tn(int m, int n, int k, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff) {
        for (int p = 0; p < k; p++) {
            int bp = bOff + p * n;
            for (int i = 0; i < m; i++) {
                double av = a[aOff + p * m + i];
                int ci = cOff + i * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += av * b[bp + j];
                }
            }
        }
    }
}
