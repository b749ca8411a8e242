package dev.tapegrad.autograd.kernel;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The loops behind every elementwise op of one input. Arrays of at least {@link #PARALLEL} elements are split over
 * the threads {@link Parallel#forWork(int, int, double, Parallel.Range)} finds worth it; every element is computed alone, so the result is the
 * same on any number of threads. Internal.
 */
public final class Elementwise {
    private Elementwise() {}

    /** From this many elements on, a map is split over threads. */
    static final int PARALLEL = 1 << 14;

    /**
     * From this many elements on, the vectorised kernels ({@link Lanewise}) pay: below it their set-up
     * costs more than they save (a 3-4-1 network's training step was 11 % slower with them).
     */
    public static final int LANEWISE = 64;

    /** {@code y[i] = op(x[i])}; does not modify {@code x}. */
    public static double[] map(DoubleUnaryOperator op, double[] x) {
        double[] y = new double[x.length];
        if (x.length < PARALLEL) {
            map(op, x, y, 0, x.length);
        } else {
            Parallel.forWork(x.length, 1024, Parallel.elementNanos(x.length), (from, to) -> map(op, x, y, from, to));
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
            Parallel.forWork(x.length, 1024, Parallel.elementNanos(x.length), (from, to) -> mapBackward(op, x, y, g, gx, from, to));
        }
        return gx;
    }

    private static void mapBackward(DoubleBinaryOperator op, double[] x, double[] y, double[] g, double[] gx, int from, int to) {
        for (int i = from; i < to; i++) {
            gx[i] = g[i] * op.applyAsDouble(x[i], y[i]);
        }
    }

    /** A map over a range of arrays, {@code y[from, to) = f(x[from, to))}, such as {@code Lanewise::sigmoid}. */
    @FunctionalInterface
    public interface RangeMap {
        /** Writes {@code y[i]} for {@code i} in {@code [from, to)}. */
        void apply(double[] x, double[] y, int from, int to);
    }

    /** A map over a range of two arrays into a third, such as {@code Lanewise::sigmoidBackward}. */
    @FunctionalInterface
    public interface RangeMap2 {
        /** Writes {@code out[i]} for {@code i} in {@code [from, to)} from {@code a[i]} and {@code b[i]}. */
        void apply(double[] a, double[] b, double[] out, int from, int to);
    }

    /** {@code f} over all of {@code x} into a new array, split over threads as {@link #map} is; does not modify {@code x}. */
    public static double[] map(RangeMap f, double[] x) {
        double[] y = new double[x.length];
        mapInto(f, x, y);
        return y;
    }

    /**
     * {@code f} over all of {@code x} into {@code y} of the same length, split over threads as
     * {@link #map} is; {@code y} may be {@code x} where {@code f} reads each element before writing it.
     */
    public static void mapInto(RangeMap f, double[] x, double[] y) {
        if (x.length < PARALLEL) {
            f.apply(x, y, 0, x.length);
        } else {
            Parallel.forWork(x.length, 1024, Parallel.elementNanos(x.length), (from, to) -> f.apply(x, y, from, to));
        }
    }

    /** {@code f} over all of {@code a} and {@code b} (of one length) into a new array; does not modify them. */
    public static double[] map(RangeMap2 f, double[] a, double[] b) {
        double[] out = new double[a.length];
        if (a.length < PARALLEL) {
            f.apply(a, b, out, 0, a.length);
        } else {
            Parallel.forWork(a.length, 1024, Parallel.elementNanos(a.length), (from, to) -> f.apply(a, b, out, from, to));
        }
        return out;
    }
}
