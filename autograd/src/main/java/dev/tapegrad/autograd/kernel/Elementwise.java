package dev.tapegrad.autograd.kernel;

import dev.tapegrad.autograd.UnaryOp;

/** The loops behind every {@link UnaryOp}. Internal. */
public final class Elementwise {
    private Elementwise() {}

    /** {@code y[i] = op(x[i])}; does not modify {@code x}. */
    public static double[] map(UnaryOp op, double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = op.value(x[i]);
        }
        return y;
    }

    /** {@code gx[i] = g[i] * op'(x[i], y[i])}; does not modify its arguments. */
    public static double[] mapBackward(UnaryOp op, double[] x, double[] y, double[] g) {
        double[] gx = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            gx[i] = g[i] * op.derivative(x[i], y[i]);
        }
        return gx;
    }
}
