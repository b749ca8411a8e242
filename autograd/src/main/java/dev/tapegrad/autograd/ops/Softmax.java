package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernel.Axes;

/**
 * Softmax along one axis, fused for stability. {@code y_k = e^(x_k - m) / sum_j e^(x_j - m)} with
 * {@code m = max_j x_j}; the vector-Jacobian product is {@code gx_k = y_k (g_k - sum_j g_j y_j)}.
 */
public final class Softmax implements Op {
    private final int axis;

    /** Softmax along {@code axis} (negative counts from the end). */
    public Softmax(int axis) {
        this.axis = axis;
    }

    @Override
    public String name() {
        return "softmax";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 1);
        inputs[0].axis(axis, name());
        return inputs[0];
    }

    @Override
    public double[] forward(OpCall call) {
        Axes ax = Axes.around(call.inputShape(0).dims(), call.inputShape(0).axis(axis, name()));
        double[] x = call.input(0);
        double[] y = new double[x.length];
        for (int o = 0; o < ax.outer(); o++) {
            for (int i = 0; i < ax.inner(); i++) {
                double m = ax.max(x, o, i);
                double s = 0;
                for (int k = 0; k < ax.dim(); k++) {
                    double e = Math.exp(x[ax.at(o, k, i)] - m);
                    y[ax.at(o, k, i)] = e;
                    s += e;
                }
                for (int k = 0; k < ax.dim(); k++) {
                    y[ax.at(o, k, i)] /= s;
                }
            }
        }
        return y;
    }

    @Override
    public double[][] backward(OpCall call, double[] g) {
        Axes ax = Axes.around(call.inputShape(0).dims(), call.inputShape(0).axis(axis, name()));
        double[] y = call.output();
        double[] gx = new double[y.length];
        for (int o = 0; o < ax.outer(); o++) {
            for (int i = 0; i < ax.inner(); i++) {
                double dot = 0;
                for (int k = 0; k < ax.dim(); k++) {
                    dot += g[ax.at(o, k, i)] * y[ax.at(o, k, i)];
                }
                for (int k = 0; k < ax.dim(); k++) {
                    int j = ax.at(o, k, i);
                    gx[j] = y[j] * (g[j] - dot);
                }
            }
        }
        return new double[][] {gx};
    }

    /** {@code gx = y (g - sum(g y))}, the sum along the axis. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor y, Tensor g) {
        int a = inputs[0].shape().axis(axis, name());
        return new Tensor[] {y.mul(g.sub(g.mul(y).sum(a, true)))};
    }
}
