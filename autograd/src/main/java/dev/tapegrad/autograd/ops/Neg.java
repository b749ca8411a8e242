package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.UnaryOp;

/** Negation. {@code y = -x}; {@code dy/dx = -1}. */
public final class Neg implements UnaryOp {
    /** The one instance. */
    public static final Neg INSTANCE = new Neg();

    private Neg() {}

    @Override
    public String name() {
        return "neg";
    }

    @Override
    public double value(double x) {
        return -x;
    }

    @Override
    public double derivative(double x, double y) {
        return -1.0;
    }
}
