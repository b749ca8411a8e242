package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;

/** Negation. {@code y = -x}; {@code dy/dx = -1}. */
public final class Neg implements UnaryOp {
    /** The one instance. */
    public static final Neg INSTANCE = new Neg();

    private Neg() {}

    @Override
    public String name() {
        return "neg";
    }

    @Override
    public double value(double x) {
        return -x;
    }

    @Override
    public double derivative(double x, double y) {
        return -1.0;
    }

    /** The constant -1. */
    @Override
    public Tensor derivative(Tensor x, Tensor y) {
        return x.tape().constant(-1.0).asTensor().expand(x.shape());
    }

    /** {@code gx = -g}. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        return new Tensor[] {g.neg()};
    }
}
