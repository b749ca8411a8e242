package dev.tapegrad.nn.diagnose;

import java.util.Locale;

/** Small numeric helpers for the checks. */
final class Stats {
    private Stats() {}

    static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** The mean over columns of each column's standard deviation across rows, for row-major {@code [n, w]}. */
    static double meanColumnStd(double[] x, int n, int w) {
        double total = 0;
        for (int j = 0; j < w; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[i * w + j];
            }
            mean /= n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                double d = x[i * w + j] - mean;
                var += d * d;
            }
            total += Math.sqrt(var / n);
        }
        return total / w;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return x.length == 0 ? Double.NaN : s / x.length;
    }

    static boolean allFinite(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** A number for a sentence: four significant digits. */
    static String fmt(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e5 ? String.format(Locale.ROOT, "%.4g", v) : String.format(Locale.ROOT, "%.2e", v);
    }

    /** A share as a percentage. */
    static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }
}
