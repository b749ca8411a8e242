package dev.tapegrad.autograd.kernel;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The loops behind every elementwise op of one input. Arrays of at least {@link #PARALLEL} elements are split over
 * the threads {@link Parallel#threads()} allows; every element is computed alone, so the result is the
 * same on any number of threads. Internal.
 */
public final class Elementwise {
    private Elementwise() {}

    /** From this many elements on, a map is split over threads. */
    static final int PARALLEL = 1 << 14;

    /** {@code y[i] = op(x[i])}; does not modify {@code x}. */
    public static double[] map(DoubleUnaryOperator op, double[] x) {
        double[] y = new double[x.length];
        if (x.length < PARALLEL) {
            map(op, x, y, 0, x.length);
        } else {
            Parallel.forRange(x.length, 1024, Parallel.threads(), (from, to) -> map(op, x, y, from, to));
        }
        return y;
    }

    private static void map(DoubleUnaryOperator op, double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = op.applyAsDouble(x[i]);
        }
    }

    /** {@code gx[i] = g[i] * op'(x[i], y[i])}, with {@code op'} the derivative given {@code x} and {@code y}; does not modify its arguments. */
    public static double[] mapBackward(DoubleBinaryOperator op, double[] x, double[] y, double[] g) {
        double[] gx = new double[x.length];
        if (x.length < PARALLEL) {
            mapBackward(op, x, y, g, gx, 0, x.length);
        } else {
            Parallel.forRange(x.length, 1024, Parallel.threads(), (from, to) -> mapBackward(op, x, y, g, gx, from, to));
        }
        return gx;
    }

    private static void mapBackward(DoubleBinaryOperator op, double[] x, double[] y, double[] g, double[] gx, int from, int to) {
        for (int i = from; i < to; i++) {
            gx[i] = g[i] * op.applyAsDouble(x[i], y[i]);
        }
    }
}
