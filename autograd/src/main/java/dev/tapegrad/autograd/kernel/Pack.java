package dev.tapegrad.autograd.kernel;

/**
 * Packing for the blocked matrix kernels: a block of {@code op(A)} or {@code op(B)} copied into the
 * order the micro-kernel reads it, so that the kernel walks memory contiguously whatever the
 * operands' layouts and transposes. Ragged panels are padded with zeros. These are the plain loops,
 * which every kernel may use; {@code VectorPack} overrides {@link #bPanel}/{@link #aPanel} to move
 * whole panels with vectors. Internal.
 */
class Pack {
    /** The plain loops, for kernels without the Vector API. */
    static final Pack PLAIN = new Pack();

    Pack() {}

    static int roundUp(int x, int to) {
        return (x + to - 1) / to * to;
    }

    /**
     * {@code op(B)[pc..pc+kc, jc..jc+nc]} as panels of {@code nr} columns, panel after panel, each
     * {@code kc} rows of {@code nr} values; {@code B(p,j) = b[bOff + p*ldb + j]} or, when
     * {@code transB}, {@code b[bOff + j*ldb + p]}.
     */
    void b(boolean transB, int kc, int nc, int nr, double[] b, int bOff, int ldb, int pc, int jc, double[] bp) {
        for (int jr = 0; jr < nc; jr += nr) {
            bPanel(transB, kc, Math.min(nr, nc - jr), nr, b, bOff, ldb, pc, jc + jr, bp, jr * kc);
        }
    }

    /** One panel of {@link #b}: columns {@code j0..j0+cols} of {@code op(B)}, padded to {@code nr}, at {@code bp[base..]}. */
    void bPanel(boolean transB, int kc, int cols, int nr, double[] b, int bOff, int ldb, int pc, int j0,
                double[] bp, int base) {
        if (!transB) {
            for (int p = 0; p < kc; p++) {
                int dst = base + p * nr;
                System.arraycopy(b, bOff + (pc + p) * ldb + j0, bp, dst, cols);
                for (int j = cols; j < nr; j++) {
                    bp[dst + j] = 0;
                }
            }
            return;
        }
        for (int j = 0; j < nr; j++) {
            if (j < cols) {
                int src = bOff + (j0 + j) * ldb + pc;
                for (int p = 0; p < kc; p++) {
                    bp[base + p * nr + j] = b[src + p];
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    bp[base + p * nr + j] = 0;
                }
            }
        }
    }

    /**
     * {@code op(A)[ic..ic+mc, pc..pc+kc]} as panels of {@code mr} rows, panel after panel, each
     * {@code kc} columns of {@code mr} values; {@code A(i,p) = a[aOff + i*lda + p]} or, when
     * {@code transA}, {@code a[aOff + p*lda + i]}.
     */
    void a(boolean transA, int mc, int kc, int mr, double[] a, int aOff, int lda, int ic, int pc, double[] ap) {
        for (int ir = 0; ir < mc; ir += mr) {
            aPanel(transA, Math.min(mr, mc - ir), kc, mr, a, aOff, lda, ic + ir, pc, ap, ir * kc);
        }
    }

    /** One panel of {@link #a}: rows {@code i0..i0+rows} of {@code op(A)}, padded to {@code mr}, at {@code ap[base..]}. */
    void aPanel(boolean transA, int rows, int kc, int mr, double[] a, int aOff, int lda, int i0, int pc,
                double[] ap, int base) {
        if (transA) {
            for (int p = 0; p < kc; p++) {
                int dst = base + p * mr;
                System.arraycopy(a, aOff + (pc + p) * lda + i0, ap, dst, rows);
                for (int i = rows; i < mr; i++) {
                    ap[dst + i] = 0;
                }
            }
            return;
        }
        for (int i = 0; i < mr; i++) {
            if (i < rows) {
                int src = aOff + (i0 + i) * lda + pc;
                for (int p = 0; p < kc; p++) {
                    ap[base + p * mr + i] = a[src + p];
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    ap[base + p * mr + i] = 0;
                }
            }
        }
    }
}
