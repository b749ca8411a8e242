package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;

/** Sine. {@code y = sin x}; {@code dy/dx = cos x}. */
public final class Sin implements UnaryOp {
    /** The one instance. */
    public static final Sin INSTANCE = new Sin();

    private Sin() {}

    @Override
    public String name() {
        return "sin";
    }

    @Override
    public double value(double x) {
        return Math.sin(x);
    }

    @Override
    public double derivative(double x, double y) {
        return Math.cos(x);
    }

    /** {@code cos x}. */
    @Override
    public Tensor derivative(Tensor x, Tensor y) {
        return x.cos();
    }
}
