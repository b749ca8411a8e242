package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;

/**
 * Places a scalar at one index of a tensor of zeros: {@code y[index] = x}, zeros elsewhere. The adjoint
 * of {@link Index} ({@code get}): its vector-Jacobian product is {@code gx = g.get(index)}, and
 * {@code get}'s is this.
 */
public final class Scatter implements Op {
    private final Index index;
    private final Shape shape;

    /** Places its scalar input at {@code index} of a tensor of {@code shape}. */
    public Scatter(Index index, Shape shape) {
        this.index = index;
        this.shape = shape;
    }

    @Override
    public String name() {
        return "scatter";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 1);
        index.offset(shape);
        return shape;
    }

    @Override
    public double[] forward(OpCall call) {
        double[] y = new double[shape.size()];
        y[index.offset(shape)] = call.input(0)[0];
        return y;
    }

    @Override
    public double[][] backward(OpCall call, double[] g) {
        return new double[][] {{g[index.offset(shape)]}};
    }

    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        return new Tensor[] {index.apply(g).asTensor()};
    }
}
