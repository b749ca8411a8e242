package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;

/** Hyperbolic tangent. {@code y = tanh x}; {@code dy/dx = 1 - y^2}, read from the output. */
public final class Tanh implements UnaryOp {
    /** The one instance. */
    public static final Tanh INSTANCE = new Tanh();

    private Tanh() {}

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public double value(double x) {
        return Math.tanh(x);
    }

    @Override
    public double derivative(double x, double y) {
        return 1.0 - y * y;
    }

    /** {@code 1 - y^2}. */
    @Override
    public Tensor derivative(Tensor x, Tensor y) {
        return y.mul(y).neg().add(1.0);
    }
}
