package dev.tapegrad.autograd.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Pack} on the Vector API for whole panels of a width that is a multiple of the vector length.
 * A source that holds each step's lines side by side (an untransposed B, a transposed A) is packed
 * row by row of the source, each row read once from left to right into every panel, with vector
 * loads and stores: one pass over each row's pages rather than one per panel. A strided source (a
 * transposed B, an untransposed A) moves as one gather per step of {@link #L} lines, in place of
 * {@code L} scalar moves. At the shapes of a network's layers packing takes a sixth of a product, and
 * these move a panel 1.4 to 1.6 times faster. The ragged last panel goes through the plain loops.
 * Only {@link VectorGemm} refers to this class. Internal.
 */
final class VectorPack extends Pack {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /** The one instance. */
    static final VectorPack INSTANCE = new VectorPack();

    private VectorPack() {}

    @Override
    void panels(boolean stepsAreRows, int kc, int lines, int width, double[] src, int from, int ld, double[] dst) {
        int whole = width % L == 0 ? lines / width * width : 0;
        if (!stepsAreRows || whole == 0) {
            super.panels(stepsAreRows, kc, lines, width, src, from, ld, dst);
            return;
        }
        int panel = kc * width;
        for (int p = 0; p < kc; p++) {
            int s = from + p * ld;
            int d = p * width;
            for (int q = 0; q < whole; q += width) {
                for (int h = 0; h < width; h += L) {
                    DoubleVector.fromArray(S, src, s + q + h).intoArray(dst, d + h);
                }
                d += panel;
            }
        }
        if (whole < lines) {
            panel(true, kc, lines - whole, width, src, from + whole, ld, dst, whole * kc);
        }
    }

    @Override
    void panel(boolean stepsAreRows, int kc, int lines, int width, double[] src, int from, int ld, double[] dst, int base) {
        if (stepsAreRows || lines < width || width % L != 0) {
            super.panel(stepsAreRows, kc, lines, width, src, from, ld, dst, base);
        } else {
            gatherRows(kc, width, src, from, ld, dst, base);
        }
    }

    /**
     * {@code dst[base + p*width + j] = src[from + j*ld + p]} for {@code p < kc, j < width}: element
     * {@code p} of {@code width} strided rows, gathered {@link #L} rows at a time.
     */
    private static void gatherRows(int kc, int width, double[] src, int from, int ld, double[] dst, int base) {
        int[] rows = strides(ld);
        for (int h = 0; h < width; h += L) {
            int s = from + h * ld;
            int d = base + h;
            for (int p = 0; p < kc; p++) {
                DoubleVector.fromArray(S, src, s + p, rows, 0).intoArray(dst, d);
                d += width;
            }
        }
    }

    /** The offsets of {@link #L} consecutive rows {@code ld} apart. */
    private static int[] strides(int ld) {
        int[] rows = new int[L];
        for (int j = 0; j < L; j++) {
            rows[j] = j * ld;
        }
        return rows;
    }
}
