package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;

/** Natural logarithm. {@code y = ln x}; {@code dy/dx = 1 / x} (NaN for {@code x < 0} and -infinity at 0, as in PyTorch). */
public final class Log implements UnaryOp {
    /** The one instance. */
    public static final Log INSTANCE = new Log();

    private Log() {}

    @Override
    public String name() {
        return "log";
    }

    @Override
    public double value(double x) {
        return Math.log(x);
    }

    @Override
    public double derivative(double x, double y) {
        return 1.0 / x;
    }

    /** {@code x^-1}. */
    @Override
    public Tensor derivative(Tensor x, Tensor y) {
        return x.pow(-1.0);
    }
}
