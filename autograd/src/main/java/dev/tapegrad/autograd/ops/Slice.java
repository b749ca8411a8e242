package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernel.Axes;

/**
 * The elements {@code from} (inclusive) to {@code to} (exclusive) along one axis, like
 * {@code x[..., from:to, ...]}; negative bounds count from the end. The gradient is the output's
 * gradient placed back at those positions, 0 elsewhere.
 */
public final class Slice implements Op {
    private final int axis;
    private final int from;
    private final int to;

    /** Selects {@code [from, to)} along {@code axis}. */
    public Slice(int axis, int from, int to) {
        this.axis = axis;
        this.from = from;
        this.to = to;
    }

    @Override
    public String name() {
        return "slice";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 1);
        int a = inputs[0].axis(axis, name());
        int[] d = inputs[0].dims();
        int[] r = bounds(inputs[0], a);
        d[a] = r[1] - r[0];
        return Shape.of(d);
    }

    private int[] bounds(Shape s, int a) {
        int n = s.dim(a);
        int f = from < 0 ? from + n : from;
        int t = to < 0 ? to + n : to;
        if (f < 0 || f > n || t < 0 || t > n) { // not checkArgument: its varargs box on every slice
            throw new IllegalArgumentException(String.format(
                    "slice: range [%s, %s) is out of bounds for axis %s of shape %s (size %s)", from, to, axis, s, n));
        }
        if (f > t) {
            throw new IllegalArgumentException(String.format("slice: range [%s, %s) is reversed: from %s%s is after "
                    + "to %s%s along axis %s of shape %s; [from, to) needs from <= to (from == to gives an empty slice)",
                    from, to, from, f == from ? "" : " (" + f + ")", to, t == to ? "" : " (" + t + ")", axis, s));
        }
        return new int[] {f, t};
    }

    /** The axis this slice cuts, resolved against its input's shape {@code in}. */
    public int axis(Shape in) {
        return in.axis(axis, name());
    }

    /** The first index this slice keeps along its axis, resolved against its input's shape {@code in}. */
    public int from(Shape in) {
        return bounds(in, axis(in))[0];
    }

    @Override
    public double[] forward(OpCall call) {
        Shape in = call.inputShape(0);
        int a = in.axis(axis, name());
        Axes src = Axes.around(in.dims(), a);
        int f = bounds(in, a)[0];
        Axes dst = Axes.around(call.outputShape().dims(), a);
        double[] x = call.input(0);
        double[] y = new double[call.outputShape().size()];
        for (int o = 0; o < src.outer(); o++) {
            System.arraycopy(x, src.at(o, f, 0), y, dst.at(o, 0, 0), dst.dim() * dst.inner());
        }
        return y;
    }

    @Override
    public double[][] backward(OpCall call, double[] g) {
        Shape in = call.inputShape(0);
        int a = in.axis(axis, name());
        Axes src = Axes.around(in.dims(), a);
        int f = bounds(in, a)[0];
        Axes dst = Axes.around(call.outputShape().dims(), a);
        double[] gx = new double[in.size()];
        for (int o = 0; o < src.outer(); o++) {
            System.arraycopy(g, dst.at(o, 0, 0), gx, src.at(o, f, 0), dst.dim() * dst.inner());
        }
        return new double[][] {gx};
    }

    /** {@code gx = pad(g)}: zeros outside the slice. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        Shape in = inputs[0].shape();
        int a = in.axis(axis, name());
        return new Tensor[] {new Pad(a, bounds(in, a)[0], in.dim(a)).apply(g).asTensor()};
    }
}
