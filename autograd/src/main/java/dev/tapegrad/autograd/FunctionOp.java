package dev.tapegrad.autograd;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The elementwise op {@link UnaryOp#of} makes from functions: a value function, a numeric derivative
 * and, when the derivative is given as an op, that op as the differentiable derivative.
 */
final class FunctionOp implements UnaryOp {
    private final String name;
    private final DoubleUnaryOperator f;
    private final DoubleBinaryOperator df;
    /** The derivative as an op, or {@code null} when it is known only as numbers. */
    private final UnaryOp derivativeOp;

    FunctionOp(String name, DoubleUnaryOperator f, DoubleBinaryOperator df, UnaryOp derivativeOp) {
        this.name = name;
        this.f = f;
        this.df = df;
        this.derivativeOp = derivativeOp;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double value(double x) {
        return f.applyAsDouble(x);
    }

    @Override
    public double derivative(double x, double y) {
        return df.applyAsDouble(x, y);
    }

    @Override
    public Tensor derivative(Tensor x, Tensor y) {
        return derivativeOp == null ? UnaryOp.super.derivative(x, y) : derivativeOp.apply(x);
    }

    @Override
    public String toString() {
        return name;
    }
}
