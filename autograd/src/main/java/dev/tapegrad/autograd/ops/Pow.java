package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.BinaryOp;

/**
 * Power of two variables. {@code y = a^b}; {@code dy/da = b a^(b-1)} (0 when {@code b = 0}),
 * {@code dy/db = y ln a}, taken as 0 where {@code a = 0} and {@code b >= 0} as PyTorch does, so that
 * {@code 0^b} does not poison the exponent's gradient with NaN.
 */
public final class Pow implements BinaryOp {
    /** The one instance. */
    public static final Pow INSTANCE = new Pow();

    private Pow() {}

    @Override
    public String name() {
        return "pow";
    }

    @Override
    public double value(double a, double b) {
        return PowConst.apply(a, b);
    }

    @Override
    public double partialA(double a, double b, double y) {
        return PowConst.derivative(a, b, y);
    }

    @Override
    public double partialB(double a, double b, double y) {
        return a == 0.0 && b >= 0.0 ? 0.0 : y * Math.log(a);
    }
}
