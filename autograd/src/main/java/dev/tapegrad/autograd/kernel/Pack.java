package dev.tapegrad.autograd.kernel;

/**
 * Packing for the blocked matrix kernels: a block of {@code op(A)} or {@code op(B)} copied into the
 * order the micro-kernel reads it, so that the kernel walks memory contiguously whatever the
 * operands' layouts and transposes. Ragged panels are padded with zeros. Internal.
 */
final class Pack {
    private Pack() {}

    static int roundUp(int x, int to) {
        return (x + to - 1) / to * to;
    }

    /**
     * {@code op(B)[pc..pc+kc, jc..jc+nc]} as panels of {@code nr} columns, panel after panel, each
     * {@code kc} rows of {@code nr} values; {@code B(p,j) = b[bOff + p*ldb + j]} or, when
     * {@code transB}, {@code b[bOff + j*ldb + p]}.
     */
    static void b(boolean transB, int kc, int nc, int nr, double[] b, int bOff, int ldb, int pc, int jc, double[] bp) {
        for (int jr = 0; jr < nc; jr += nr) {
            int cols = Math.min(nr, nc - jr);
            int base = jr * kc;
            if (!transB) {
                for (int p = 0; p < kc; p++) {
                    int dst = base + p * nr;
                    System.arraycopy(b, bOff + (pc + p) * ldb + jc + jr, bp, dst, cols);
                    for (int j = cols; j < nr; j++) {
                        bp[dst + j] = 0;
                    }
                }
            } else {
                for (int j = 0; j < nr; j++) {
                    if (j < cols) {
                        int src = bOff + (jc + jr + j) * ldb + pc;
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
        }
    }

    /**
     * {@code op(A)[ic..ic+mc, pc..pc+kc]} as panels of {@code mr} rows, panel after panel, each
     * {@code kc} columns of {@code mr} values; {@code A(i,p) = a[aOff + i*lda + p]} or, when
     * {@code transA}, {@code a[aOff + p*lda + i]}.
     */
    static void a(boolean transA, int mc, int kc, int mr, double[] a, int aOff, int lda, int ic, int pc, double[] ap) {
        for (int ir = 0; ir < mc; ir += mr) {
            int rows = Math.min(mr, mc - ir);
            int base = ir * kc;
            if (transA) {
                for (int p = 0; p < kc; p++) {
                    int dst = base + p * mr;
                    System.arraycopy(a, aOff + (pc + p) * lda + ic + ir, ap, dst, rows);
                    for (int i = rows; i < mr; i++) {
                        ap[dst + i] = 0;
                    }
                }
            } else {
                for (int i = 0; i < mr; i++) {
                    if (i < rows) {
                        int src = aOff + (ic + ir + i) * lda + pc;
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
    }
}
