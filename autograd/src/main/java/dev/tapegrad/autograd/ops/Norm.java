package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernel.Axes;

/**
 * The Euclidean (Frobenius) norm, as {@code torch.linalg.vector_norm(x, 2)}: over all elements,
 * {@code y = sqrt(sum_i x_i^2)}, or over one axis, {@code y[o, i] = sqrt(sum_k x[o, k, i]^2)}.
 * {@code dy/dx = x / y}, and 0 where {@code y = 0}, as PyTorch: the subgradient at the kink, not the
 * NaN of {@code 0 / 0}. An infinite element makes the norm infinite and a NaN makes it NaN.
 */
public final class Norm implements Op {
    private final int axis;
    private final boolean keepDims;
    private final boolean all;

    private Norm(int axis, boolean keepDims, boolean all) {
        this.axis = axis;
        this.keepDims = keepDims;
        this.all = all;
    }

    /** The norm of all elements: a scalar. */
    public static Norm ofAll() {
        return new Norm(0, false, true);
    }

    /** The norm over {@code axis} (negative counts from the end); {@code keepDims} keeps it as 1. */
    public static Norm over(int axis, boolean keepDims) {
        return new Norm(axis, keepDims, false);
    }

    @Override
    public String name() {
        return "norm";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 1);
        return all ? Shape.of() : inputs[0].reduced(inputs[0].axis(axis, name()), keepDims);
    }

    /** The input seen around the reduced axis; all elements are one line. */
    private Axes axes(Shape in) {
        return all ? new Axes(1, in.size(), 1) : Axes.around(in.dims(), in.axis(axis, name()));
    }

    @Override
    public double[] forward(OpCall call) {
        Axes ax = axes(call.inputShape(0));
        double[] x = call.input(0);
        double[] y = new double[ax.outer() * ax.inner()];
        for (int o = 0; o < ax.outer(); o++) {
            for (int i = 0; i < ax.inner(); i++) {
                double s = 0;
                for (int k = 0; k < ax.dim(); k++) {
                    double v = x[ax.at(o, k, i)];
                    s += v * v;
                }
                y[o * ax.inner() + i] = Math.sqrt(s);
            }
        }
        return y;
    }

    @Override
    public double[][] backward(OpCall call, double[] g) {
        Axes ax = axes(call.inputShape(0));
        double[] x = call.input(0);
        double[] y = call.output();
        double[] gx = new double[x.length];
        for (int o = 0; o < ax.outer(); o++) {
            for (int i = 0; i < ax.inner(); i++) {
                int r = o * ax.inner() + i;
                double scale = y[r] == 0 ? 0.0 : g[r] / y[r];
                for (int k = 0; k < ax.dim(); k++) {
                    gx[ax.at(o, k, i)] = x[ax.at(o, k, i)] * scale;
                }
            }
        }
        return new double[][] {gx};
    }

    /** {@code gx = x (g / y)}, with {@code g / y} set to 0 where {@code y = 0}, broadcast over the axis. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        Tensor x = inputs[0];
        Shape kept = all ? Shape.of() : x.shape().reduced(x.shape().axis(axis, name()), true);
        Tensor y = output.reshape(kept.dims());
        Tensor zero = y.eq(0.0);
        Tensor scale = Tensor.where(zero, zero, g.reshape(kept.dims()).div(Tensor.where(zero, zero.add(1.0), y)));
        return new Tensor[] {x.mul(scale)};
    }
}
