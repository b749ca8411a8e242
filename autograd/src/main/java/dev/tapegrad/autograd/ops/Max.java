package dev.tapegrad.autograd.ops;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernel.Axes;

/**
 * Maximum over one axis. {@code y[o, i] = max_k x[o, k, i]}; the derivative is 1 for the first
 * {@code k} that attains the maximum and 0 for the others, as PyTorch's {@code max(dim)} routes the
 * gradient to the index it returns. A NaN element makes the maximum NaN.
 */
public final class Max implements Op {
    private final int axis;
    private final boolean keepDims;

    /** The maximum over {@code axis} (negative counts from the end); {@code keepDims} keeps it as 1. */
    public Max(int axis, boolean keepDims) {
        this.axis = axis;
        this.keepDims = keepDims;
    }

    @Override
    public String name() {
        return "max";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 1);
        int a = inputs[0].axis(axis, name());
        checkArgument(inputs[0].dim(a) > 0, "max: axis %s of shape %s is empty; a maximum needs at least one element",
                axis, inputs[0]);
        return inputs[0].reduced(a, keepDims);
    }

    @Override
    public double[] forward(OpCall call) {
        Axes ax = axes(call);
        double[] x = call.input(0);
        double[] y = new double[ax.outer() * ax.inner()];
        for (int o = 0; o < ax.outer(); o++) {
            for (int i = 0; i < ax.inner(); i++) {
                y[o * ax.inner() + i] = x[ax.at(o, argmax(x, ax, o, i), i)];
            }
        }
        return y;
    }

    @Override
    public double[][] backward(OpCall call, double[] g) {
        Axes ax = axes(call);
        double[] x = call.input(0);
        double[] gx = new double[x.length];
        for (int o = 0; o < ax.outer(); o++) {
            for (int i = 0; i < ax.inner(); i++) {
                gx[ax.at(o, argmax(x, ax, o, i), i)] = g[o * ax.inner() + i];
            }
        }
        return new double[][] {gx};
    }

    private Axes axes(OpCall call) {
        return Axes.around(call.inputShape(0).dims(), call.inputShape(0).axis(axis, name()));
    }

    /** The first index along the axis holding the maximum (or the first NaN). */
    static int argmax(double[] x, Axes ax, int o, int i) {
        int best = 0;
        double bv = x[ax.at(o, 0, i)];
        for (int k = 1; k < ax.dim() && !Double.isNaN(bv); k++) {
            double v = x[ax.at(o, k, i)];
            if (v > bv || Double.isNaN(v)) {
                best = k;
                bv = v;
            }
        }
        return best;
    }

    /** {@code gx = mask(expand(g with the axis kept))}, the first maximum of each line kept, as at first order. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        Shape in = inputs[0].shape();
        int a = in.axis(axis, name());
        Axes ax = Axes.around(in.dims(), a);
        double[] x = inputs[0].values();
        boolean[] keep = new boolean[x.length];
        for (int o = 0; o < ax.outer(); o++) {
            for (int i = 0; i < ax.inner(); i++) {
                keep[ax.at(o, argmax(x, ax, o, i), i)] = true;
            }
        }
        Shape kept = in.reduced(a, true);
        return new Tensor[] {new Mask(keep).apply(g.reshape(kept.dims()).expand(in))};
    }
}
