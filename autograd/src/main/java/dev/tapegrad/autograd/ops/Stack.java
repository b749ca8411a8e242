package dev.tapegrad.autograd.ops;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernel.Axes;

/**
 * Joins tensors of one shape along a new axis, so {@code n} tensors of shape {@code [a, b]} stacked at
 * axis 1 give {@code [a, n, b]}; scalars stack into a vector. Each input's gradient is its own slice
 * of the output's gradient.
 */
public final class Stack implements Op {
    private final int axis;

    /** Stacks along a new axis at position {@code axis} of the result (negative counts from the end). */
    public Stack(int axis) {
        this.axis = axis;
    }

    @Override
    public String name() {
        return "stack";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        checkArgument(inputs.length > 0, "stack: needs at least one node");
        for (int t = 1; t < inputs.length; t++) {
            checkArgument(inputs[t].equals(inputs[0]), "stack: node %s has shape %s but node 0 has %s; all must match",
                    t, inputs[t], inputs[0]);
        }
        int r = inputs[0].rank() + 1;
        checkArgument(axis >= -r && axis < r, "stack: axis %s is out of range for stacking shape %s (valid: %s to %s)",
                axis, inputs[0], -r, r - 1);
        int a = axis < 0 ? axis + r : axis;
        int[] in = inputs[0].dims();
        int[] out = new int[r];
        for (int i = 0, j = 0; i < r; i++) {
            out[i] = i == a ? inputs.length : in[j++];
        }
        return Shape.of(out);
    }

    @Override
    public double[] forward(OpCall call) {
        Axes out = axes(call);
        double[] y = new double[call.outputShape().size()];
        for (int t = 0; t < call.arity(); t++) {
            for (int o = 0; o < out.outer(); o++) {
                System.arraycopy(call.input(t), o * out.inner(), y, out.at(o, t, 0), out.inner());
            }
        }
        return y;
    }

    @Override
    public double[][] backward(OpCall call, double[] g) {
        Axes out = axes(call);
        double[][] gx = new double[call.arity()][];
        for (int t = 0; t < call.arity(); t++) {
            if (call.needsGradient(t)) {
                gx[t] = new double[call.input(t).length];
                for (int o = 0; o < out.outer(); o++) {
                    System.arraycopy(g, out.at(o, t, 0), gx[t], o * out.inner(), out.inner());
                }
            }
        }
        return gx;
    }

    private Axes axes(OpCall call) {
        return Axes.around(call.outputShape().dims(), call.outputShape().axis(axis, name()));
    }

    /** Input {@code t}'s gradient is slice {@code t} of {@code g} along the new axis, that axis dropped. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        int a = output.shape().axis(axis, name());
        Tensor[] gx = new Tensor[inputs.length];
        for (int t = 0; t < inputs.length; t++) {
            if (inputs[t].requiresGrad()) {
                gx[t] = g.slice(a, t, t + 1).reshape(inputs[t].shape().dims());
            }
        }
        return gx;
    }
}
