package dev.tapegrad.autograd.ops;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;

/**
 * Clamping into {@code [min, max]}, as {@code torch.clamp}: {@code y = min(max(x, min), max)};
 * {@code dy/dx = 1} for {@code min <= x <= max}, else 0. NaN stays NaN.
 */
public final class Clamp implements UnaryOp {
    private final double min;
    private final double max;

    /** Clamps into {@code [min, max]}; either bound may be infinite. */
    public Clamp(double min, double max) {
        checkArgument(!(min > max) && !Double.isNaN(min) && !Double.isNaN(max),
                "clamp: min %s must be a number no larger than max %s", min, max);
        this.min = min;
        this.max = max;
    }

    @Override
    public String name() {
        return "clamp";
    }

    @Override
    public double value(double x) {
        return x < min ? min : x > max ? max : x;
    }

    @Override
    public double derivative(double x, double y) {
        return x >= min && x <= max ? 1.0 : 0.0;
    }

    /** The 0/1 derivative, a constant: zero second derivative away from the bounds. */
    @Override
    public Tensor derivative(Tensor x, Tensor y) {
        return UnaryOp.constantDerivative(this, x, y);
    }

    @Override
    public String toString() {
        return "clamp(" + min + ", " + max + ")";
    }
}
