package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.BinaryOp;

/** Multiplication. {@code y = a b}; {@code dy/da = b}, {@code dy/db = a}. */
public final class Mul implements BinaryOp {
    /** The one instance. */
    public static final Mul INSTANCE = new Mul();

    private Mul() {}

    @Override
    public String name() {
        return "mul";
    }

    @Override
    public double value(double a, double b) {
        return a * b;
    }

    @Override
    public double partialA(double a, double b, double y) {
        return b;
    }

    @Override
    public double partialB(double a, double b, double y) {
        return a;
    }
}
