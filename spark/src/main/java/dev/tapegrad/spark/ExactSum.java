package dev.tapegrad.spark;

import java.io.Serializable;

/**
 * An exact, order-independent sum of vectors: each element keeps its running sum as non-overlapping
 * partial sums (Shewchuk's algorithm), and {@link #round()} rounds the exact total once, correctly.
 * Spark combines partition results in whatever order tasks finish; with this sum the result has the
 * same bits in every order, so a training run is reproducible. Mutable; not thread-safe.
 */
final class ExactSum implements Serializable {
    private static final long serialVersionUID = 1L;
    private final double[][] partials;
    private final int[] counts;

    ExactSum(int length) {
        partials = new double[length][2];
        counts = new int[length];
    }

    int length() {
        return counts.length;
    }

    /** Adds {@code v} element by element; returns this. */
    ExactSum add(double[] v) {
        for (int i = 0; i < v.length; i++) {
            add(i, v[i]);
        }
        return this;
    }

    /** Adds every partial of {@code other} into this; returns this. */
    ExactSum merge(ExactSum other) {
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < other.counts[i]; j++) {
                add(i, other.partials[i][j]);
            }
        }
        return this;
    }

    private void add(int element, double value) {
        double[] p = partials[element];
        double x = value;
        int kept = 0;
        for (int j = 0; j < counts[element]; j++) {
            double y = p[j];
            if (Math.abs(x) < Math.abs(y)) {
                double tmp = x;
                x = y;
                y = tmp;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) {
                p[kept++] = lo;
            }
            x = hi;
        }
        if (kept == p.length) {
            p = java.util.Arrays.copyOf(p, p.length * 2);
            partials[element] = p;
        }
        p[kept++] = x;
        counts[element] = kept;
    }

    /** Each element's exact sum, rounded once to the nearest double (ties to even). */
    double[] round() {
        double[] out = new double[counts.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = round(partials[i], counts[i]);
        }
        return out;
    }

    private static double round(double[] p, int n) {
        if (n == 0) {
            return 0.0;
        }
        double hi = p[--n];
        double lo = 0;
        while (n > 0) {
            double x = hi;
            double y = p[--n];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0.0) {
                break;
            }
        }
        // Round half to even across the remaining partials: hi + lo was a tie only if they say so.
        if (n > 0 && ((lo < 0 && p[n - 1] < 0) || (lo > 0 && p[n - 1] > 0))) {
            double y = lo * 2;
            double x = hi + y;
            if (y == x - hi) {
                hi = x;
            }
        }
        return hi;
    }
}
