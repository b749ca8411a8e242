package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;

/**
 * Absolute value. {@code y = |x|}; {@code dy/dx = sgn(x)}: 1, -1, or 0 at {@code ±0} and at NaN, as in
 * PyTorch (the value at NaN is NaN, so the NaN still shows in the loss).
 */
public final class Abs implements UnaryOp {
    /** The one instance. */
    public static final Abs INSTANCE = new Abs();

    private Abs() {}

    @Override
    public String name() {
        return "abs";
    }

    @Override
    public double value(double x) {
        return Math.abs(x);
    }

    @Override
    public double derivative(double x, double y) {
        return x > 0 ? 1.0 : x < 0 ? -1.0 : 0.0;
    }

    /** {@code sign(x)}, a constant: zero second derivative away from 0. */
    @Override
    public Tensor derivative(Tensor x, Tensor y) {
        return UnaryOp.constantDerivative(this, x, y);
    }
}
