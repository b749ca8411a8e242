package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernel.Broadcast;

/**
 * Elementwise selection, as {@code torch.where(cond, a, b)}: {@code y = cond ? a : b}, the three
 * inputs broadcast together. {@code cond} is a 0/1 mask (from {@link Compare}); any other value is an
 * error. {@code dy/da = cond}, {@code dy/db = 1 - cond}, each summed back over the axes its input was
 * broadcast along; the mask gets no gradient. The unselected branch contributes an exact zero, so an
 * infinite or NaN value there does not leak into the gradient.
 */
public final class Where implements Op {
    /** The one instance. */
    public static final Where INSTANCE = new Where();

    private Where() {}

    @Override
    public String name() {
        return "where";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 3);
        return Shape.broadcast(Shape.broadcast(inputs[0], inputs[1], name()), inputs[2], name());
    }

    @Override
    public double[] forward(OpCall call) {
        Shape out = call.outputShape();
        boolean[] keep = selected(call.input(0), call.inputShape(0), out);
        double[] a = call.input(1);
        double[] b = call.input(2);
        int[] ma = Broadcast.indexMap(call.inputShape(1).dims(), out.dims());
        int[] mb = Broadcast.indexMap(call.inputShape(2).dims(), out.dims());
        double[] y = new double[out.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = keep[i] ? a[ma[i]] : b[mb[i]];
        }
        return y;
    }

    /** The condition broadcast to {@code out}, as flags; an error naming the first value not 0 or 1. */
    private static boolean[] selected(double[] cond, Shape shape, Shape out) {
        for (int i = 0; i < cond.length; i++) {
            if (cond[i] != 0.0 && cond[i] != 1.0) {
                throw new IllegalArgumentException(String.format("where: the condition must be a 0/1 mask (e.g. "
                        + "x.gt(0)), but element %s of its shape %s is %s", i, shape, cond[i]));
            }
        }
        int[] map = Broadcast.indexMap(shape.dims(), out.dims());
        boolean[] keep = new boolean[map.length];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = cond[map[i]] == 1.0;
        }
        return keep;
    }

    @Override
    public double[][] backward(OpCall call, double[] g) {
        Shape out = call.outputShape();
        boolean[] keep = selected(call.input(0), call.inputShape(0), out);
        return new double[][] {null, branch(call, 1, keep, true, g), branch(call, 2, keep, false, g)};
    }

    /** {@code g} where the flags equal {@code when}, summed into input {@code k}'s shape in increasing order. */
    private static double[] branch(OpCall call, int k, boolean[] keep, boolean when, double[] g) {
        if (!call.needsGradient(k)) {
            return null;
        }
        int[] map = Broadcast.indexMap(call.inputShape(k).dims(), call.outputShape().dims());
        double[] gx = new double[call.inputShape(k).size()];
        for (int i = 0; i < g.length; i++) {
            if (keep[i] == when) {
                gx[map[i]] += g[i];
            }
        }
        return gx;
    }

    /** {@code ga = sumTo(mask(g))}, {@code gb = sumTo(mask'(g))}: linear in {@code g}, so exact to any order. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        boolean[] keep = selected(inputs[0].values(), inputs[0].shape(), output.shape());
        boolean[] other = new boolean[keep.length];
        for (int i = 0; i < keep.length; i++) {
            other[i] = !keep[i];
        }
        return new Tensor[] {
            null,
            inputs[1].requiresGrad() ? new Mask(keep).apply(g).sumTo(inputs[1].shape()) : null,
            inputs[2].requiresGrad() ? new Mask(other).apply(g).sumTo(inputs[2].shape()) : null,
        };
    }
}
