package dev.tapegrad.autograd.ops;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;

/**
 * Maximum of all elements. {@code y = max_i x[i]}; the gradient is shared evenly among the elements
 * equal to the maximum (1 when it is unique), as PyTorch's full {@code max()} does. Ties are numeric
 * equality, so {@code 0.0} and {@code -0.0} share. A NaN element makes the maximum NaN, and then the NaN
 * elements share the gradient.
 */
public final class MaxAll implements Op {
    /** The one instance. */
    public static final MaxAll INSTANCE = new MaxAll();

    private MaxAll() {}

    @Override
    public String name() {
        return "max";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 1);
        checkArgument(inputs[0].size() > 0, "max: tensor of shape %s is empty; a maximum needs at least one element",
                inputs[0]);
        return Shape.of();
    }

    @Override
    public double[] forward(OpCall call) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : call.input(0)) {
            if (v > m || Double.isNaN(v)) {
                m = v;
                if (Double.isNaN(v)) {
                    break;
                }
            }
        }
        return new double[] {m};
    }

    @Override
    public double[][] backward(OpCall call, double[] g) {
        double[] x = call.input(0);
        double m = call.output()[0];
        boolean nan = Double.isNaN(m);
        int ties = 0;
        for (double v : x) {
            if (v == m || nan && Double.isNaN(v)) {
                ties++;
            }
        }
        double[] gx = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (x[i] == m || nan && Double.isNaN(x[i])) {
                gx[i] = g[0] / ties;
            }
        }
        return new double[][] {gx};
    }

    /** {@code gx = mask(expand(g / ties))}, the tied maxima kept: a constant selection, as at first order. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        double[] x = inputs[0].values();
        double m = output.values()[0];
        boolean[] keep = new boolean[x.length];
        int ties = 0;
        for (int i = 0; i < x.length; i++) {
            keep[i] = x[i] == m || (Double.isNaN(m) && Double.isNaN(x[i]));
            ties += keep[i] ? 1 : 0;
        }
        return new Tensor[] {new Mask(keep).apply(g.div(ties).expand(inputs[0].shape()))};
    }
}
