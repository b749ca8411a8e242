package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;

/** Cosine. {@code y = cos x}; {@code dy/dx = -sin x}. */
public final class Cos implements UnaryOp {
    /** The one instance. */
    public static final Cos INSTANCE = new Cos();

    private Cos() {}

    @Override
    public String name() {
        return "cos";
    }

    @Override
    public double value(double x) {
        return Math.cos(x);
    }

    @Override
    public double derivative(double x, double y) {
        return -Math.sin(x);
    }

    /** {@code -sin x}. */
    @Override
    public Tensor derivative(Tensor x, Tensor y) {
        return x.sin().neg();
    }
}
