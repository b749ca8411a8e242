package dev.tapegrad.autograd.kernel;

/** The maps of {@link Lanewise} as plain loops over {@link Math}: the reference, and the path without the Vector API. Internal. */
final class PlainLanewise {
    private PlainLanewise() {}

    static void exp(double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = Math.exp(x[i]);
        }
    }

    static void tanh(double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = Math.tanh(x[i]);
        }
    }

    static void sigmoid(double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = 1.0 / (1.0 + Math.exp(-x[i]));
        }
    }

    static void sigmoidBackward(double[] g, double[] y, double[] gx, int from, int to) {
        for (int i = from; i < to; i++) {
            gx[i] = g[i] * y[i] * (1.0 - y[i]);
        }
    }

    static void tanhBackward(double[] g, double[] y, double[] gx, int from, int to) {
        for (int i = from; i < to; i++) {
            gx[i] = g[i] * (1.0 - y[i] * y[i]);
        }
    }
}
