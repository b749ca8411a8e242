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
        boolean[] tie = ties(call.input(0), call.output()[0]);
        double[] gx = new double[tie.length];
        int n = count(tie);
        for (int i = 0; i < gx.length; i++) {
            if (tie[i]) {
                gx[i] = g[0] / n;
            }
        }
        return new double[][] {gx};
    }

    /** {@code gx = mask(expand(g / ties))}, the tied maxima kept: a constant selection, as at first order. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        boolean[] tie = ties(inputs[0].values(), output.values()[0]);
        return new Tensor[] {new Mask(tie).apply(g.div(count(tie)).expand(inputs[0].shape()))};
    }

    /** The elements equal to the maximum {@code m} by numeric equality (so 0.0 and -0.0 tie); NaN ties NaN. */
    private static boolean[] ties(double[] x, double m) {
        boolean nan = Double.isNaN(m);
        boolean[] tie = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            tie[i] = x[i] == m || nan && Double.isNaN(x[i]);
        }
        return tie;
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }
}
