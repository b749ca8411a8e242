package dev.tapegrad.autograd.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The maps of {@link Lanewise} on the Vector API. Only {@link Lanewise} refers to this class, and
 * only when the {@code jdk.incubator.vector} module is present. Each loop runs whole vectors; the
 * tail of a range is copied into a zero-padded vector, mapped by the same code and copied back, so no
 * element is ever computed by other instructions than its neighbours. Internal.
 */
final class VectorLanewise {
    private VectorLanewise() {}

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /** {@code gx = g * y * (1 - y)}, or with {@code tanh}, {@code gx = g * (1 - y * y)}. */
    static void backward(boolean tanh, double[] g, double[] y, double[] gx, int from, int to) {
        int i = from;
        for (; i <= to - L; i += L) {
            grad(tanh, DoubleVector.fromArray(S, g, i), DoubleVector.fromArray(S, y, i)).intoArray(gx, i);
        }
        if (i < to) {
            int n = to - i;
            double[] tg = new double[L];
            double[] ty = new double[L];
            System.arraycopy(g, i, tg, 0, n);
            System.arraycopy(y, i, ty, 0, n);
            grad(tanh, DoubleVector.fromArray(S, tg, 0), DoubleVector.fromArray(S, ty, 0)).intoArray(tg, 0);
            System.arraycopy(tg, 0, gx, i, n);
        }
    }

    private static DoubleVector grad(boolean tanh, DoubleVector g, DoubleVector y) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        return tanh ? g.mul(one.sub(y.mul(y))) : g.mul(y).mul(one.sub(y));
    }
}
