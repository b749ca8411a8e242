package dev.tapegrad.nn;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;

/**
 * The fully connected layer's function, fused into one op for speed (one tape entry instead of a
 * transpose, a matrix product and a broadcast add): inputs {@code x [N, in]} (or {@code [in]}),
 * {@code W [out, in]}, {@code b [out]}; output {@code y = x W^T + b}, {@code [N, out]} (or {@code [out]}).
 * With {@code g = dL/dy}: {@code dL/dx = g W}, {@code dL/dW = g^T x}, {@code dL/db = sum over n of g}.
 */
final class Affine implements Op {
    static final Affine INSTANCE = new Affine();

    private Affine() {}

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 3);
        Shape x = inputs[0];
        Shape w = inputs[1];
        Shape b = inputs[2];
        if (w.rank() != 2 || b.rank() != 1 || b.dim(0) != w.dim(0)) {
            throw new IllegalArgumentException("linear: weight " + w + " must be [out, in] and bias " + b + " [out]");
        }
        int in = w.dim(1);
        if ((x.rank() != 1 && x.rank() != 2) || x.dim(x.rank() - 1) != in) {
            throw new IllegalArgumentException("linear: input of shape " + x + " does not fit weight " + w
                    + "; expected [N, " + in + "] (a batch) or [" + in + "] (one sample)");
        }
        return x.rank() == 2 ? Shape.of(x.dim(0), w.dim(0)) : Shape.of(w.dim(0));
    }

    @Override
    public double[] forward(OpCall call) {
        double[] x = call.input(0);
        double[] w = call.input(1);
        double[] b = call.input(2);
        int out = b.length;
        int in = w.length / out;
        int rows = x.length / in;
        double[] y = new double[rows * out];
        for (int n = 0; n < rows; n++) {
            int xn = n * in;
            for (int o = 0; o < out; o++) {
                int wo = o * in;
                double s = 0;
                for (int i = 0; i < in; i++) {
                    s += x[xn + i] * w[wo + i];
                }
                y[n * out + o] = s + b[o];
            }
        }
        return y;
    }

    @Override
    public double[][] backward(OpCall call, double[] g) {
        double[] x = call.input(0);
        double[] w = call.input(1);
        int out = call.input(2).length;
        int in = w.length / out;
        int rows = x.length / in;
        double[] gx = call.needsGradient(0) ? new double[x.length] : null;
        double[] gw = call.needsGradient(1) ? new double[w.length] : null;
        double[] gb = call.needsGradient(2) ? new double[out] : null;
        for (int n = 0; n < rows; n++) {
            int xn = n * in;
            for (int o = 0; o < out; o++) {
                double go = g[n * out + o];
                int wo = o * in;
                if (gb != null) {
                    gb[o] += go;
                }
                if (gw != null) {
                    for (int i = 0; i < in; i++) {
                        gw[wo + i] += go * x[xn + i];
                    }
                }
                if (gx != null) {
                    for (int i = 0; i < in; i++) {
                        gx[xn + i] += go * w[wo + i];
                    }
                }
            }
        }
        return new double[][] {gx, gw, gb};
    }
}
