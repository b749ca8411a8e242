package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernel.Axes;

/**
 * {@code y[o, i] = ln sum_k e^{x[o, k, i]}} over one axis, as {@code torch.logsumexp(x, dim)}: computed
 * as {@code m + ln sum_k e^{x - m}} with {@code m} the line's maximum, so large inputs do not overflow
 * (an infinite maximum is not subtracted: a line of {@code -inf} gives {@code -inf}, one holding
 * {@code +inf} gives {@code +inf}). A NaN element gives NaN. {@code dy/dx[k] = e^{x[k] - y}}, the
 * softmax of the line.
 */
public final class LogSumExp implements Op {
    private final int axis;
    private final boolean keepDims;

    /** Over {@code axis} (negative counts from the end); {@code keepDims} keeps it as 1. */
    public LogSumExp(int axis, boolean keepDims) {
        this.axis = axis;
        this.keepDims = keepDims;
    }

    @Override
    public String name() {
        return "logsumexp";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 1);
        return inputs[0].reduced(inputs[0].axis(axis, name()), keepDims);
    }

    private Axes axes(Shape in) {
        return Axes.around(in.dims(), in.axis(axis, name()));
    }

    @Override
    public double[] forward(OpCall call) {
        Axes ax = axes(call.inputShape(0));
        double[] x = call.input(0);
        double[] y = new double[ax.outer() * ax.inner()];
        for (int o = 0; o < ax.outer(); o++) {
            for (int i = 0; i < ax.inner(); i++) {
                double m = ax.max(x, o, i);
                double shift = Double.isInfinite(m) ? 0.0 : m;
                double s = 0;
                for (int k = 0; k < ax.dim(); k++) {
                    s += Math.exp(x[ax.at(o, k, i)] - shift);
                }
                y[o * ax.inner() + i] = shift + Math.log(s);
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
                for (int k = 0; k < ax.dim(); k++) {
                    int at = ax.at(o, k, i);
                    gx[at] = g[r] * Math.exp(x[at] - y[r]);
                }
            }
        }
        return new double[][] {gx};
    }

    /** {@code gx = g e^{x - y}}, with {@code g} and {@code y} broadcast over the axis. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        Tensor x = inputs[0];
        int[] kept = x.shape().reduced(x.shape().axis(axis, name()), true).dims();
        return new Tensor[] {g.reshape(kept).mul(x.sub(output.reshape(kept)).exp())};
    }
}
