package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;

/**
 * Softplus, as {@code torch.nn.functional.softplus} with its defaults {@code beta = 1},
 * {@code threshold = 20}: {@code y = ln(1 + e^x)} for {@code x <= 20}, computed with {@code log1p} so
 * that it neither overflows nor loses small values, and {@code y = x} above 20, where the two agree to
 * double precision. {@code dy/dx = sigmoid(x)} for {@code x <= 20}, else 1; the second derivative is
 * {@code sigmoid(x) (1 - sigmoid(x))}, else 0. NaN stays NaN.
 */
public final class Softplus implements UnaryOp {
    /** The one instance. */
    public static final Softplus INSTANCE = new Softplus();

    /** Above this input softplus is the identity, as PyTorch's default threshold. */
    static final double THRESHOLD = 20.0;

    private Softplus() {}

    @Override
    public String name() {
        return "softplus";
    }

    @Override
    public double value(double x) {
        return x > THRESHOLD ? x : Math.log1p(Math.exp(x));
    }

    @Override
    public double derivative(double x, double y) {
        return x > THRESHOLD ? 1.0 : 1.0 / (1.0 + Math.exp(-x));
    }

    /** {@code where(x > 20, 1, sigmoid(x))}. */
    @Override
    public Tensor derivative(Tensor x, Tensor y) {
        return Tensor.where(x.gt(THRESHOLD), x.tape().constant(1.0).asTensor(), x.sigmoid());
    }
}
