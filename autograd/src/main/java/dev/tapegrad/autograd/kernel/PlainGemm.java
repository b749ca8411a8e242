package dev.tapegrad.autograd.kernel;

/**
 * The matrix product as plain loops, for products too small to pay for packing, and the reference
 * order the other kernels are tested against. Same contract as {@link ScalarGemm#gemm}. Internal.
 */
final class PlainGemm {
    private PlainGemm() {}

    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                     double[] c, int cOff, int ldc) {
        int sp = transA ? lda : 1;
        int si = transA ? 1 : lda;
        if (!transB) {
            // i-k-j: the inner loop runs along rows of B and C.
            for (int i = 0; i < m; i++) {
                int ci = cOff + i * ldc;
                for (int p = 0; p < k; p++) {
                    double av = a[aOff + i * si + p * sp];
                    int bp = bOff + p * ldb;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += av * b[bp + j];
                    }
                }
            }
            return;
        }
        // B^T: each element is a dot product along rows of B.
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                int bj = bOff + j * ldb;
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[aOff + i * si + p * sp] * b[bj + p];
                }
                c[ci + j] += s;
            }
        }
    }
}
