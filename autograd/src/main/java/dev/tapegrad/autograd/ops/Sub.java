package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.BinaryOp;

/** Subtraction. {@code y = a - b}; {@code dy/da = 1}, {@code dy/db = -1}. */
public final class Sub implements BinaryOp {
    /** The one instance. */
    public static final Sub INSTANCE = new Sub();

    private Sub() {}

    @Override
    public String name() {
        return "sub";
    }

    @Override
    public double value(double a, double b) {
        return a - b;
    }

    @Override
    public double partialA(double a, double b, double y) {
        return 1.0;
    }

    @Override
    public double partialB(double a, double b, double y) {
        return -1.0;
    }
}
