package dev.tapegrad.autograd.ops;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernel.Axes;

/**
 * Joins tensors along an existing axis; all other dimensions must agree. Each input's gradient is its
 * own block of the output's gradient.
 */
public final class Concat implements Op {
    private final int axis;

    /** Joins along {@code axis} (negative counts from the end). */
    public Concat(int axis) {
        this.axis = axis;
    }

    @Override
    public String name() {
        return "concat";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        checkArgument(inputs.length > 0, "concat: needs at least one tensor");
        checkArgument(inputs[0].rank() > 0, "concat: cannot join scalars along an axis; use stack");
        int a = inputs[0].axis(axis, name());
        int[] out = inputs[0].dims();
        long joined = out[a]; // a long: the sum of int extents can overflow even when every tensor is empty
        for (int t = 1; t < inputs.length; t++) {
            Shape s = inputs[t];
            checkArgument(s.rank() == inputs[0].rank(), "concat: tensor %s has shape %s but tensor 0 has %s",
                    t, s, inputs[0]);
            for (int d = 0; d < s.rank(); d++) {
                checkArgument(d == a || s.dim(d) == out[d],
                        "concat: shapes %s and %s differ outside axis %s (at axis %s)", inputs[0], s, a, d);
            }
            joined += s.dim(a);
        }
        checkArgument(joined <= Integer.MAX_VALUE, "concat: joining %s tensors of shape %s (and the rest) gives %s "
                + "along axis %s, more than 2^31 - 1", inputs.length, inputs[0], joined, a);
        out[a] = (int) joined;
        return Shape.of(out);
    }

    @Override
    public double[] forward(OpCall call) {
        int a = call.outputShape().axis(axis, name());
        Axes out = Axes.around(call.outputShape().dims(), a);
        double[] y = new double[call.outputShape().size()];
        int at = 0;
        for (int t = 0; t < call.arity(); t++) {
            Axes in = Axes.around(call.inputShape(t).dims(), a);
            int block = in.dim() * in.inner();
            for (int o = 0; o < out.outer(); o++) {
                System.arraycopy(call.input(t), o * block, y, out.at(o, at, 0), block);
            }
            at += in.dim();
        }
        return y;
    }

    @Override
    public double[][] backward(OpCall call, double[] g) {
        int a = call.outputShape().axis(axis, name());
        Axes out = Axes.around(call.outputShape().dims(), a);
        double[][] gx = new double[call.arity()][];
        int at = 0;
        for (int t = 0; t < call.arity(); t++) {
            Axes in = Axes.around(call.inputShape(t).dims(), a);
            int block = in.dim() * in.inner();
            if (call.needsGradient(t)) {
                gx[t] = new double[call.input(t).length];
                for (int o = 0; o < out.outer(); o++) {
                    System.arraycopy(g, out.at(o, at, 0), gx[t], o * block, block);
                }
            }
            at += in.dim();
        }
        return gx;
    }

    /** Each input's gradient is its part of {@code g} along the axis. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        int a = output.shape().axis(axis, name());
        Tensor[] gx = new Tensor[inputs.length];
        int at = 0;
        for (int t = 0; t < inputs.length; t++) {
            int d = inputs[t].shape().dim(a);
            if (inputs[t].requiresGrad()) {
                gx[t] = g.slice(a, at, at + d);
            }
            at += d;
        }
        return gx;
    }
}
