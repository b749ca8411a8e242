package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;

/** {@code y = ln(1 + x)}, accurate for small {@code x}; {@code dy/dx = 1 / (1 + x)}. */
public final class Log1p implements UnaryOp {
    /** The one instance. */
    public static final Log1p INSTANCE = new Log1p();

    private Log1p() {}

    @Override
    public String name() {
        return "log1p";
    }

    @Override
    public double value(double x) {
        return Math.log1p(x);
    }

    @Override
    public double derivative(double x, double y) {
        return 1.0 / (1.0 + x);
    }

    /** {@code (1 + x)^-1}. */
    @Override
    public Tensor derivative(Tensor x, Tensor y) {
        return x.add(1.0).pow(-1.0);
    }
}
