package dev.tapegrad.autograd.ops;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;

/**
 * Leaky rectified linear unit, as {@code torch.nn.functional.leaky_relu(x, slope)}: {@code y = x} for
 * {@code x > 0}, else {@code slope x}; {@code dy/dx = 1} for {@code x > 0}, else {@code slope} (at the
 * kink too, as PyTorch). A NaN input gives NaN, with derivative {@code slope}, as PyTorch's backward.
 */
public final class LeakyRelu implements UnaryOp {
    /** PyTorch's default negative slope. */
    public static final double DEFAULT_SLOPE = 0.01;

    private final double slope;

    /** The leaky relu with this negative slope (any finite number; PyTorch's default is 0.01). */
    public LeakyRelu(double slope) {
        checkArgument(Double.isFinite(slope), "leakyRelu: the negative slope must be finite, got %s", slope);
        this.slope = slope;
    }

    @Override
    public String name() {
        return "leakyRelu";
    }

    @Override
    public double value(double x) {
        return x > 0 ? x : slope * x;
    }

    @Override
    public double derivative(double x, double y) {
        return x > 0 ? 1.0 : slope;
    }

    /** The step between {@code slope} and 1, a constant: zero second derivative away from the kink. */
    @Override
    public Tensor derivative(Tensor x, Tensor y) {
        return UnaryOp.constantDerivative(this, x, y);
    }

    @Override
    public String toString() {
        return "leakyRelu(" + slope + ")";
    }
}
