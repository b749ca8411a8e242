package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.BinaryOp;

/**
 * Division. {@code y = a / b}; {@code dy/da = 1 / b}, {@code dy/db = -a / b^2}, computed as
 * {@code -(a / b) / b} so that squaring {@code b} cannot overflow or underflow where the partial itself
 * is representable (at {@code a = b = 1e-200} it is {@code -1e200}).
 */
public final class Div implements BinaryOp {
    /** The one instance. */
    public static final Div INSTANCE = new Div();

    private Div() {}

    @Override
    public String name() {
        return "div";
    }

    @Override
    public double value(double a, double b) {
        return a / b;
    }

    @Override
    public double partialA(double a, double b, double y) {
        return 1.0 / b;
    }

    @Override
    public double partialB(double a, double b, double y) {
        return -(a / b) / b;
    }
}
