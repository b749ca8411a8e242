package dev.tapegrad.autograd.kernel;

/**
 * The GotoBLAS loop nest shared by the packed kernels: for each block of {@code nc} columns and
 * {@code kc} rows of {@code op(B)}, pack B into panels {@code nr} wide; for each block of {@code mc}
 * rows of A, pack A into panels {@code mr} tall; then hand every {@code mr x nr} tile of C to the
 * kernel's micro-kernel. Ragged edges are packed with zeros, so each element of C is
 * {@code c + chain(block 0) + chain(block 1) + ...}, each chain in order of k from zero. Internal.
 */
final class Blocked {
    private Blocked() {}

    /** One register tile: {@code C[cIdx.., rows x cols] += Ap[ai..] Bp[bi..]} over {@code kc} steps. */
    @FunctionalInterface
    interface Micro {
        void tile(int kc, double[] ap, int ai, double[] bp, int bi, double[] c, int cIdx, int ldc,
                  int rows, int cols, double[] scratch);
    }

    /**
     * {@code C += op(A) op(B)} on strided row-major views (see {@link ScalarGemm#gemm}), blocked by
     * {@code mr nr kc mc nc}; {@code scratch} of {@code mr * nr} is lent to every micro-kernel call.
     */
    static void gemm(int mr, int nr, int kcBlock, int mcBlock, int ncBlock, Micro micro,
                     boolean transA, boolean transB, int m, int n, int k,
                     double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                     double[] c, int cOff, int ldc) {
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        int kcMax = Math.min(k, kcBlock);
        double[] bp = new double[kcMax * Pack.roundUp(Math.min(n, ncBlock), nr)];
        double[] ap = new double[kcMax * Pack.roundUp(Math.min(m, mcBlock), mr)];
        double[] scratch = new double[mr * nr];
        for (int jc = 0; jc < n; jc += ncBlock) {
            int nc = Math.min(ncBlock, n - jc);
            for (int pc = 0; pc < k; pc += kcBlock) {
                int kc = Math.min(kcBlock, k - pc);
                Pack.b(transB, kc, nc, nr, b, bOff, ldb, pc, jc, bp);
                for (int ic = 0; ic < m; ic += mcBlock) {
                    int mc = Math.min(mcBlock, m - ic);
                    Pack.a(transA, mc, kc, mr, a, aOff, lda, ic, pc, ap);
                    for (int jr = 0; jr < nc; jr += nr) {
                        int cols = Math.min(nr, nc - jr);
                        for (int ir = 0; ir < mc; ir += mr) {
                            micro.tile(kc, ap, ir * kc, bp, jr * kc, c, cOff + (ic + ir) * ldc + jc + jr, ldc,
                                    Math.min(mr, mc - ir), cols, scratch);
                        }
                    }
                }
            }
        }
    }
}
