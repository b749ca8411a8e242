package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;

/** Absolute value. {@code y = |x|}; {@code dy/dx = sign(x)}, 0 at 0 as in PyTorch. */
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
        return Math.signum(x);
    }

    /** {@code sign(x)}, a constant: zero second derivative away from 0. */
    @Override
    public Tensor derivative(Tensor x, Tensor y) {
        return UnaryOp.constantDerivative(this, x, y);
    }
}
