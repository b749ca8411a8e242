package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;

/**
 * Power with a constant exponent. {@code y = x^c}; {@code dy/dx = c x^(c-1)}, and 0 when
 * {@code c = 0} (as in PyTorch, so {@code 0^0} has derivative 0, not NaN).
 */
public final class PowConst implements UnaryOp {
    private final double exponent;

    /** The op raising its input to {@code exponent}. */
    public PowConst(double exponent) {
        this.exponent = exponent;
    }

    /** {@code x^c}; {@code 1^c} is 1 for every {@code c}, NaN included, as in C and PyTorch. */
    public static double apply(double x, double c) {
        if (x == 1.0) {
            return 1.0;
        }
        return c == 2.0 ? x * x : Math.pow(x, c);
    }

    /** {@code c x^(c-1)}, or 0 when {@code c = 0}. */
    public static double derivative(double x, double c, double y) {
        if (c == 0.0) {
            return 0.0;
        }
        return c == 2.0 ? 2.0 * x : c * Math.pow(x, c - 1.0);
    }

    @Override
    public String name() {
        return "pow";
    }

    @Override
    public double value(double x) {
        return apply(x, exponent);
    }

    @Override
    public double derivative(double x, double y) {
        return derivative(x, exponent, y);
    }

    @Override
    public String toString() {
        return "pow(" + exponent + ")";
    }

    /** {@code c x^(c-1)}; {@code 2 x} for {@code c = 2}; a constant 0 for {@code c = 0}. */
    @Override
    public Tensor derivative(Tensor x, Tensor y) {
        if (exponent == 0.0) {
            return x.tape().constant(0.0).asTensor().expand(x.shape());
        }
        return exponent == 2.0 ? x.mul(2.0) : x.pow(exponent - 1.0).mul(exponent);
    }
}
