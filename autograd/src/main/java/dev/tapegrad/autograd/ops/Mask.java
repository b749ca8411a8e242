package dev.tapegrad.autograd.ops;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Node;
import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;

/**
 * Keeps the elements a fixed mask selects and sets the others to exactly zero:
 * {@code y[i] = keep[i] ? x[i] : 0}. Linear, so {@code gx = mask(g)}. Unlike a product with a 0/1
 * tensor it gives 0, not NaN, where an unkept element is infinite: the backward of max and of pow's
 * special cases place gradients this way.
 */
public final class Mask implements Op {
    private final boolean[] keep;

    /** Keeps element {@code i} where {@code keep[i]} (copied). */
    public Mask(boolean[] keep) {
        this.keep = keep.clone();
    }

    @Override
    public String name() {
        return "mask";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 1);
        checkArgument(inputs[0].size() == keep.length, "mask: %s flags for shape %s (%s elements)", keep.length,
                inputs[0], inputs[0].size());
        return inputs[0];
    }

    @Override
    public double[] forward(OpCall call) {
        return apply(call.input(0));
    }

    private double[] apply(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            if (keep[i]) {
                y[i] = x[i];
            }
        }
        return y;
    }

    @Override
    public double[][] backward(OpCall call, double[] g) {
        return new double[][] {apply(g)};
    }

    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        return new Tensor[] {apply(g)};
    }

    /** This mask applied to {@code t}, recorded. */
    public Tensor apply(Tensor t) {
        return apply((Node) t).asTensor();
    }
}
