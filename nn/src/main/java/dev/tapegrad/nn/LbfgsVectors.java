package dev.tapegrad.nn;

/** The few dense-vector operations {@link Lbfgs} and its line search need, on flat parameter vectors. */
final class LbfgsVectors {
    private LbfgsVectors() {}

    /** {@code a'b}, summed in index order. */
    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** {@code max_i |a_i|}. */
    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** {@code y = y + a x}, in place. */
    static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    /** {@code -v}, as a new array. */
    static double[] negate(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = -v[i];
        }
        return r;
    }

    /** {@code max_i |v_i scale|}. */
    static double maxAbsScaled(double[] v, double scale) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x * scale));
        }
        return m;
    }

    /** {@code sum_i |v_i|}, in index order. */
    static double sumAbs(double[] v) {
        double s = 0;
        for (double x : v) {
            s += Math.abs(x);
        }
        return s;
    }
}
