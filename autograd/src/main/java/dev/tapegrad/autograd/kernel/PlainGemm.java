package dev.tapegrad.autograd.kernel;

/**
 * The matrix product as plain loops, for products too small to pay for packing, and the reference
 * order the other kernels are tested against. Same contract as {@link ScalarGemm#gemm}. Internal.
 */
final class PlainGemm {
    private PlainGemm() {}

    /**
     * Below this many columns the i-k-j loop's inner run is too short to vectorise; the narrow loops
     * take such products (and B transposed) unless there is one column or one term, where their
     * four-column set-up costs more than it saves.
     */
    private static final int NARROW = 8;

    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                     double[] c, int cOff, int ldc) {
        int sp = transA ? lda : 1;
        int si = transA ? 1 : lda;
        // Each loop nest in a method of its own, so that each compiles to its own tight code.
        if ((transB || n < NARROW) && n > 1 && k > 1) {
            narrow(transB, m, n, k, a, aOff, si, sp, b, bOff, ldb, c, cOff, ldc);
        } else if (transB) {
            dots(m, n, k, a, aOff, si, sp, b, bOff, ldb, c, cOff, ldc);
        } else {
            rows(m, n, k, a, aOff, si, sp, b, bOff, ldb, c, cOff, ldc);
        }
    }

    /** i-k-j: the inner loop runs along rows of B and C. */
    private static void rows(int m, int n, int k, double[] a, int aOff, int si, int sp,
                             double[] b, int bOff, int ldb, double[] c, int cOff, int ldc) {
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
    }

    /** B^T: each element a dot product along rows of B. */
    private static void dots(int m, int n, int k, double[] a, int aOff, int si, int sp,
                             double[] b, int bOff, int ldb, double[] c, int cOff, int ldc) {
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

    /**
     * Fewer columns than a vector holds, or B read transposed: {@code C[i][j..j+3]} summed over {@code p} in
     * four registers, so each pass over {@code p} does four products and a product of a few columns pays for
     * a loop per row rather than per element. Each element adds its terms in the order of {@code p}, as the
     * i-k-j loops do (on top of {@code C} for B as stored, on top of zero and then into {@code C} for
     * {@code B^T}, as a dot product), so either path gives the same bits as before.
     */
    private static void narrow(boolean transB, int m, int n, int k, double[] a, int aOff, int si, int sp,
                               double[] b, int bOff, int ldb, double[] c, int cOff, int ldc) {
        int bj = transB ? ldb : 1; // the step from one column of op(B) to the next
        int bp = transB ? 1 : ldb; // and from one row to the next
        for (int j = 0; j < n; j += 4) {
            int w = Math.min(4, n - j);
            for (int i = 0; i < m; i++) {
                int ci = cOff + i * ldc + j;
                int ai = aOff + i * si;
                int b0 = bOff + j * bj;
                double s0 = transB ? 0 : c[ci];
                double s1 = transB || w < 2 ? 0 : c[ci + 1];
                double s2 = transB || w < 3 ? 0 : c[ci + 2];
                double s3 = transB || w < 4 ? 0 : c[ci + 3];
                if (w == 4) {
                    for (int p = 0; p < k; p++) {
                        double av = a[ai + p * sp];
                        int q = b0 + p * bp;
                        s0 += av * b[q];
                        s1 += av * b[q + bj];
                        s2 += av * b[q + 2 * bj];
                        s3 += av * b[q + 3 * bj];
                    }
                } else {
                    for (int p = 0; p < k; p++) {
                        double av = a[ai + p * sp];
                        int q = b0 + p * bp;
                        s0 += av * b[q];
                        if (w > 1) {
                            s1 += av * b[q + bj];
                            if (w > 2) {
                                s2 += av * b[q + 2 * bj];
                            }
                        }
                    }
                }
                store(transB, c, ci, w, s0, s1, s2, s3);
            }
        }
    }

    private static void store(boolean add, double[] c, int ci, int w, double s0, double s1, double s2, double s3) {
        c[ci] = add ? c[ci] + s0 : s0;
        if (w > 1) {
            c[ci + 1] = add ? c[ci + 1] + s1 : s1;
        }
        if (w > 2) {
            c[ci + 2] = add ? c[ci + 2] + s2 : s2;
        }
        if (w > 3) {
            c[ci + 3] = add ? c[ci + 3] + s3 : s3;
        }
    }
}
