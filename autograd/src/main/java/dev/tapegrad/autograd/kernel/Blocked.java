package dev.tapegrad.autograd.kernel;

/**
 * The GotoBLAS loop nest shared by the packed kernels: for each block of {@code nc} columns and
 * {@code kc} rows of {@code op(B)}, pack B into panels {@code nr} wide; for each block of {@code mc}
 * rows of A, pack A into panels {@code mr} tall; then hand every {@code mr x nr} tile of C to the
 * kernel's micro-kernel. Ragged edges are packed with zeros, so each element of C is summed block
 * by block along k, each block's products in order of k, however the kernel orders the additions
 * within a block; the blocks along k are those of {@link Blocking#kcFor}, which depend on k alone.
 * Internal.
 *
 * <p>A product may start from a row instead of from C ({@code C = row + op(A) op(B)}, the row added to
 * every row of C, for a C that is a new array): the first block along k then reads the row where it
 * would read C, so C's old values are never loaded. The sums are the same as for a C filled with
 * that row beforehand, bit for bit.
 *
 * <p>The micro-kernel only ever sees whole tiles: a tile that sticks out of C is computed in a
 * scratch tile holding C's values (see {@code edgeTile}). So the micro-kernel has no branch that a
 * new shape could take for the first time, and the JIT never has to throw its compiled code away
 * (running vector code uncompiled until it recompiles costs more than the scalar kernel).
 */
final class Blocked {
    private Blocked() {}

    /**
     * One whole register tile: {@code C[cIdx + r*ldc + j] = In[inIdx + r*ldIn + j] + sum_p Ap[ai + p*mr + r]
     * Bp[bi + p*nr + j]} for {@code r < mr, j < nr, p < kc}, the sum formed first and added to the input
     * last. The input is C itself ({@code C +=}) or a row ({@code ldIn} 0). Callers guarantee every
     * index is inside the arrays.
     */
    @FunctionalInterface
    interface Micro {
        void tile(int kc, double[] ap, int ai, double[] bp, int bi, double[] in, int inIdx, int ldIn,
                  double[] c, int cIdx, int ldc);
    }

    /**
     * {@code C += op(A) op(B)} on strided row-major views (see {@link ScalarGemm#gemm}), blocked by
     * {@code mr nr kcBlock mcBlock ncBlock}, packed by {@code pack}; or, where {@code row} is not null,
     * {@code C = row + op(A) op(B)} with {@code row[rowOff + j]} added to column j of every row, C's old
     * values unread. Callers handle {@code k = 0}, where there is nothing to add to the row.
     */
    static void gemm(int mr, int nr, int kcBlock, int mcBlock, int ncBlock, Micro micro, Pack pack,
                     boolean transA, boolean transB, int m, int n, int k,
                     double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                     double[] c, int cOff, int ldc, double[] row, int rowOff) {
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        int kcMax = Blocking.kcFor(k, kcBlock);
        double[] bp = Scratch.take(Scratch.B, kcMax * Pack.roundUp(Math.min(n, ncBlock), nr));
        double[] ap = Scratch.take(Scratch.A, kcMax * Pack.roundUp(Math.min(m, mcBlock), mr));
        double[] edge = new double[mr * nr];
        blocks(mr, nr, kcMax, mcBlock, ncBlock, micro, pack, transA, transB, m, n, k,
                a, aOff, lda, b, bOff, ldb, c, cOff, ldc, row, rowOff, ap, bp, edge);
        Scratch.release(Scratch.A, ap);
        Scratch.release(Scratch.B, bp);
    }

    private static void blocks(int mr, int nr, int kcMax, int mcBlock, int ncBlock, Micro micro, Pack pack,
                               boolean transA, boolean transB, int m, int n, int k,
                               double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                               double[] c, int cOff, int ldc, double[] row, int rowOff,
                               double[] ap, double[] bp, double[] edge) {
        for (int jc = 0; jc < n; jc += ncBlock) {
            int nc = Math.min(ncBlock, n - jc);
            for (int pc = 0; pc < k; pc += kcMax) {
                int kc = Math.min(kcMax, k - pc);
                pack.b(transB, kc, nc, nr, b, bOff, ldb, pc, jc, bp);
                // The first block starts from the row (read with no step between C's rows), later ones from C.
                boolean fromRow = row != null && pc == 0;
                double[] in = fromRow ? row : c;
                int ldIn = fromRow ? 0 : ldc;
                for (int ic = 0; ic < m; ic += mcBlock) {
                    int mc = Math.min(mcBlock, m - ic);
                    pack.a(transA, mc, kc, mr, a, aOff, lda, ic, pc, ap);
                    for (int jr = 0; jr < nc; jr += nr) {
                        int cols = Math.min(nr, nc - jr);
                        for (int ir = 0; ir < mc; ir += mr) {
                            int rows = Math.min(mr, mc - ir);
                            int cIdx = cOff + (ic + ir) * ldc + jc + jr;
                            int inIdx = fromRow ? rowOff + jc + jr : cIdx;
                            if (rows == mr && cols == nr) {
                                micro.tile(kc, ap, ir * kc, bp, jr * kc, in, inIdx, ldIn, c, cIdx, ldc);
                            } else {
                                edgeTile(micro, mr, nr, rows, cols, kc, ap, ir * kc, bp, jr * kc, in, inIdx, ldIn,
                                        c, cIdx, ldc, edge);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * A tile that sticks out of C, computed in {@code edge}: the input's values (C's, or the row's) where
     * the tile overlaps C and zeros elsewhere go in, the micro-kernel updates the whole scratch tile, the
     * overlap goes back. Each element thus meets the micro-kernel exactly as in a whole tile, so its sum
     * does not depend on where the tiles fall.
     */
    private static void edgeTile(Micro micro, int mr, int nr, int rows, int cols, int kc, double[] ap, int ai,
                                 double[] bp, int bi, double[] in, int inIdx, int ldIn, double[] c, int cIdx, int ldc,
                                 double[] edge) {
        java.util.Arrays.fill(edge, 0);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(in, inIdx + r * ldIn, edge, r * nr, cols);
        }
        micro.tile(kc, ap, ai, bp, bi, edge, 0, nr, edge, 0, nr);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(edge, r * nr, c, cIdx + r * ldc, cols);
        }
    }
}
