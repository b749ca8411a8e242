package dev.tapegrad.autograd.kernel;

/**
 * Packing for the blocked matrix kernels: a block of {@code op(A)} or {@code op(B)} copied into the
 * order the micro-kernel reads it, so that the kernel walks memory contiguously whatever the
 * operands' layouts and transposes. Ragged panels are padded with zeros. Both operands are packed
 * alike (see {@link #panels}): the columns of {@code op(B)} and the rows of {@code op(A)} are the
 * "lines" of a panel, the shared index k its "steps". These are the plain loops, which every kernel
 * may use; {@code VectorPack} overrides {@link #panels} and {@link #panel} to move whole panels with
 * vectors. Internal.
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
    final void b(boolean transB, int kc, int nc, int nr, double[] b, int bOff, int ldb, int pc, int jc, double[] bp) {
        panels(!transB, kc, nc, nr, b, transB ? bOff + jc * ldb + pc : bOff + pc * ldb + jc, ldb, bp);
    }

    /**
     * {@code op(A)[ic..ic+mc, pc..pc+kc]} as panels of {@code mr} rows, panel after panel, each
     * {@code kc} columns of {@code mr} values; {@code A(i,p) = a[aOff + i*lda + p]} or, when
     * {@code transA}, {@code a[aOff + p*lda + i]}.
     */
    final void a(boolean transA, int mc, int kc, int mr, double[] a, int aOff, int lda, int ic, int pc, double[] ap) {
        panels(transA, kc, mc, mr, a, transA ? aOff + pc * lda + ic : aOff + ic * lda + pc, lda, ap);
    }

    /**
     * {@code lines} lines of {@code kc} steps as panels of {@code width} lines, panel after panel:
     * {@code dst[q*kc*width + p*width + w]} is step {@code p} of line {@code q*width + w}, zero past
     * the last line. Step {@code p} of line {@code l} is {@code src[from + p*ld + l]} when
     * {@code stepsAreRows} (the source holds a step's lines side by side), else
     * {@code src[from + l*ld + p]}.
     */
    void panels(boolean stepsAreRows, int kc, int lines, int width, double[] src, int from, int ld, double[] dst) {
        for (int q = 0; q < lines; q += width) {
            panel(stepsAreRows, kc, Math.min(width, lines - q), width, src, stepsAreRows ? from + q : from + q * ld, ld,
                    dst, q * kc);
        }
    }

    /** One panel of {@link #panels}: its first {@code lines} lines (at most {@code width}), padded with zeros, at {@code dst[base..]}. */
    void panel(boolean stepsAreRows, int kc, int lines, int width, double[] src, int from, int ld, double[] dst, int base) {
        if (stepsAreRows) {
            for (int p = 0; p < kc; p++) {
                int d = base + p * width;
                System.arraycopy(src, from + p * ld, dst, d, lines);
                for (int w = lines; w < width; w++) {
                    dst[d + w] = 0;
                }
            }
            return;
        }
        for (int w = 0; w < width; w++) {
            if (w < lines) {
                int s = from + w * ld;
                for (int p = 0; p < kc; p++) {
                    dst[base + p * width + w] = src[s + p];
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    dst[base + p * width + w] = 0;
                }
            }
        }
    }
}
