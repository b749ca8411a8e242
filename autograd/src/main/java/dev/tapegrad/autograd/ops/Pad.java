package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernel.Axes;

/**
 * Pads one axis with zeros: the input becomes elements {@code [from, from + n)} along {@code axis} of a
 * tensor whose axis has size {@code size}, zeros elsewhere. The adjoint of {@link Slice}: its
 * vector-Jacobian product is {@code gx = slice(g, axis, from, from + n)}, and {@code slice}'s is this.
 */
public final class Pad implements Op {
    private final int axis;
    private final int from;
    private final int size;

    /** Places the input at {@code from} along {@code axis} (non-negative) of an axis of size {@code size}. */
    public Pad(int axis, int from, int size) {
        this.axis = axis;
        this.from = from;
        this.size = size;
    }

    @Override
    public String name() {
        return "pad";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 1);
        int[] d = inputs[0].dims();
        if (axis < 0 || axis >= d.length || from < 0 || from + d[axis] > size) { // checkArgument's varargs box
            throw new IllegalArgumentException(String.format("pad: cannot place shape %s at %s of an axis %s of size %s",
                    inputs[0], from, axis, size));
        }
        d[axis] = size;
        return Shape.of(d);
    }

    @Override
    public double[] forward(OpCall call) {
        Axes src = Axes.around(call.inputShape(0).dims(), axis);
        Axes dst = Axes.around(call.outputShape().dims(), axis);
        double[] x = call.input(0);
        double[] y = new double[call.outputShape().size()];
        for (int o = 0; o < src.outer(); o++) {
            System.arraycopy(x, src.at(o, 0, 0), y, dst.at(o, from, 0), src.dim() * src.inner());
        }
        return y;
    }

    @Override
    public double[][] backward(OpCall call, double[] g) {
        Axes src = Axes.around(call.inputShape(0).dims(), axis);
        Axes dst = Axes.around(call.outputShape().dims(), axis);
        double[] gx = new double[call.inputShape(0).size()];
        for (int o = 0; o < src.outer(); o++) {
            System.arraycopy(g, dst.at(o, from, 0), gx, src.at(o, 0, 0), src.dim() * src.inner());
        }
        return new double[][] {gx};
    }

    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        return new Tensor[] {g.slice(axis, from, from + inputs[0].shape().dim(axis))};
    }
}
