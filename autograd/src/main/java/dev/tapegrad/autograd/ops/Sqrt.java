package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;

/** Square root. {@code y = sqrt(x)}; {@code dy/dx = 1 / (2 y)} (infinity at 0). */
public final class Sqrt implements UnaryOp {
    /** The one instance. */
    public static final Sqrt INSTANCE = new Sqrt();

    private Sqrt() {}

    @Override
    public String name() {
        return "sqrt";
    }

    @Override
    public double value(double x) {
        return Math.sqrt(x);
    }

    @Override
    public double derivative(double x, double y) {
        return 0.5 / y;
    }

    /** {@code 0.5 y^-1}. */
    @Override
    public Tensor derivative(Tensor x, Tensor y) {
        return y.pow(-1.0).mul(0.5);
    }
}
