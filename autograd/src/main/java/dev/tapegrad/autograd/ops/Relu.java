package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;

/**
 * Rectified linear unit. {@code y = max(x, 0)}, computed as PyTorch does, {@code x < 0 ? 0 : x}, so NaN
 * gives NaN (a NaN weight behind a relu must show in the loss, not vanish into a 0) and {@code -0.0}
 * stays {@code -0.0}; {@code dy/dx = 1} for x > 0 and at NaN, else 0 (0 at the kink; PyTorch's backward
 * zeroes only where {@code y <= 0}).
 */
public final class Relu implements UnaryOp {
    /** The one instance. */
    public static final Relu INSTANCE = new Relu();

    private Relu() {}

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public double value(double x) {
        return x < 0 ? 0.0 : x;
    }

    @Override
    public double derivative(double x, double y) {
        return x > 0 || x != x ? 1.0 : 0.0;
    }

    /** The step {@code x > 0}, a constant: zero second derivative away from the kink. */
    @Override
    public Tensor derivative(Tensor x, Tensor y) {
        return UnaryOp.constantDerivative(this, x, y);
    }
}
