package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernel.Axes;

/**
 * Sum over one axis. {@code y[o, i] = sum_k x[o, k, i]}; {@code dy/dx[o, k, i] = 1}, so the gradient
 * of every summed element is the output's gradient.
 */
public final class Sum implements Op {
    private final int axis;
    private final boolean keepDims;

    /** Sums over {@code axis} (negative counts from the end); {@code keepDims} keeps it as size 1. */
    public Sum(int axis, boolean keepDims) {
        this.axis = axis;
        this.keepDims = keepDims;
    }

    @Override
    public String name() {
        return "sum";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 1);
        return inputs[0].reduced(inputs[0].axis(axis, name()), keepDims);
    }

    @Override
    public double[] forward(OpCall call) {
        Axes ax = Axes.around(call.inputShape(0).dims(), call.inputShape(0).axis(axis, name()));
        double[] x = call.input(0);
        double[] y = new double[ax.outer() * ax.inner()];
        for (int o = 0; o < ax.outer(); o++) {
            for (int k = 0; k < ax.dim(); k++) {
                int from = ax.at(o, k, 0);
                int to = o * ax.inner();
                for (int i = 0; i < ax.inner(); i++) {
                    y[to + i] += x[from + i];
                }
            }
        }
        return y;
    }

    @Override
    public double[][] backward(OpCall call, double[] g) {
        Axes ax = Axes.around(call.inputShape(0).dims(), call.inputShape(0).axis(axis, name()));
        double[] gx = new double[call.input(0).length];
        for (int o = 0; o < ax.outer(); o++) {
            for (int k = 0; k < ax.dim(); k++) {
                System.arraycopy(g, o * ax.inner(), gx, ax.at(o, k, 0), ax.inner());
            }
        }
        return new double[][] {gx};
    }

    /** {@code gx = expand(g with the axis kept, shape of x)}. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        Shape in = inputs[0].shape();
        Shape kept = in.reduced(in.axis(axis, name()), true);
        return new Tensor[] {g.reshape(kept.dims()).expand(in)};
    }
}
