package dev.tapegrad.autograd.ops;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernel.Axes;

/**
 * The position of the largest element, as {@code torch.argmax}: over all elements, the row-major
 * index of the first maximum; over one axis, {@code y[o, i]} the first {@code k} at which
 * {@code x[o, k, i]} is largest, as a whole number. NaN counts as larger than any number (the first
 * NaN wins), as in PyTorch. The {@code argmin} form finds the first smallest element the same way
 * (NaN again winning). An index is piecewise constant, so no gradient flows through it;
 * {@link Tensor#argmax(int)} applies it to a constant copy, so the result is a constant.
 */
public final class Argmax implements Op {
    private final int axis;
    private final boolean keepDims;
    private final boolean all;
    private final boolean min;

    private Argmax(int axis, boolean keepDims, boolean all, boolean min) {
        this.axis = axis;
        this.keepDims = keepDims;
        this.all = all;
        this.min = min;
    }

    /** The flat index of the first maximum of all elements: a scalar. */
    public static Argmax ofAll() {
        return new Argmax(0, false, true, false);
    }

    /** The index of the first maximum along {@code axis}; {@code keepDims} keeps the axis as 1. */
    public static Argmax over(int axis, boolean keepDims) {
        return new Argmax(axis, keepDims, false, false);
    }

    /** {@code torch.argmin}: the flat index of the first minimum of all elements. */
    public static Argmax minOfAll() {
        return new Argmax(0, false, true, true);
    }

    /** {@code torch.argmin} along {@code axis}; {@code keepDims} keeps the axis as 1. */
    public static Argmax minOver(int axis, boolean keepDims) {
        return new Argmax(axis, keepDims, false, true);
    }

    @Override
    public String name() {
        return min ? "argmin" : "argmax";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 1);
        Shape in = inputs[0];
        if (all) {
            checkArgument(in.size() > 0, "%s: tensor of shape %s is empty; it needs at least one element", name(), in);
            return Shape.of();
        }
        int a = in.axis(axis, name());
        checkArgument(in.dim(a) > 0, "%s: axis %s of shape %s is empty; it needs at least one element",
                name(), axis, in);
        return in.reduced(a, keepDims);
    }

    @Override
    public double[] forward(OpCall call) {
        Shape in = call.inputShape(0);
        Axes ax = all ? new Axes(1, in.size(), 1) : Axes.around(in.dims(), in.axis(axis, name()));
        double[] x = min ? negated(call.input(0)) : call.input(0);
        double[] y = new double[ax.outer() * ax.inner()];
        for (int o = 0; o < ax.outer(); o++) {
            for (int i = 0; i < ax.inner(); i++) {
                y[o * ax.inner() + i] = Max.argmax(x, ax, o, i);
            }
        }
        return y;
    }

    /** {@code -x}: the first minimum of {@code x} is the first maximum of {@code -x}, and NaN stays NaN. */
    private static double[] negated(double[] x) {
        double[] n = new double[x.length];
        for (int i = 0; i < n.length; i++) {
            n[i] = -x[i];
        }
        return n;
    }

    /** No gradient: an index does not change under small changes of the input. */
    @Override
    public double[][] backward(OpCall call, double[] gradOutput) {
        return new double[][] {null};
    }

    /** No gradient, at any order. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor gradOutput) {
        return new Tensor[] {null};
    }
}
