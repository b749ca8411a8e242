package dev.tapegrad.autograd.ops;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;

/**
 * The adjoint of a {@link Gather}, as {@code torch.zeros(shape).scatter_add(axis, index, x)}: a tensor
 * of zeros of the gather's input shape, with each element of {@code x} (of the index's shape) added at
 * the position the gather picks it from, in increasing order; positions picked twice get the sum.
 * Linear: {@code gx = gather(g)}, and the gather's gradient is this op.
 */
public final class ScatterAdd implements Op {
    private final Gather gather;
    private final Shape shape;

    /** Sums its input into a tensor of {@code shape} at the positions {@code gather} picks from. */
    public ScatterAdd(Gather gather, Shape shape) {
        this.gather = gather;
        this.shape = shape;
    }

    @Override
    public String name() {
        return "scatterAdd";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 1);
        checkArgument(inputs[0].equals(gather.indexShape()), "scatterAdd: input of shape %s for an index of shape %s;"
                + " they must match", inputs[0], gather.indexShape());
        gather.offsets(shape);
        return shape;
    }

    @Override
    public double[] forward(OpCall call) {
        return sum(gather.offsets(shape), call.input(0), shape.size());
    }

    /** {@code y[off[p]] += x[p]} for increasing {@code p}, into zeros of length {@code size}. */
    static double[] sum(int[] off, double[] x, int size) {
        double[] y = new double[size];
        for (int p = 0; p < off.length; p++) {
            y[off[p]] += x[p];
        }
        return y;
    }

    @Override
    public double[][] backward(OpCall call, double[] g) {
        int[] off = gather.offsets(shape);
        double[] gx = new double[off.length];
        for (int p = 0; p < gx.length; p++) {
            gx[p] = g[off[p]];
        }
        return new double[][] {gx};
    }

    /** {@code gx = gather(g)}. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        return new Tensor[] {gather.apply(g).asTensor()};
    }
}
