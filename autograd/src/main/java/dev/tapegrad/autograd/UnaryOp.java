package dev.tapegrad.autograd;

import dev.tapegrad.autograd.kernel.Elementwise;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * An elementwise function of one input: {@code y = f(x)} with derivative {@code dy/dx = f'(x)}.
 * Implementations give {@link #value(double)} and {@link #derivative(double, double)} (the numeric
 * fast path) and, to be differentiable to any order, {@link #derivative(Tensor, Tensor)}: the same
 * derivative written with Tapegrad's ops. The loops live here once. The derivative receives the
 * output too, for functions whose derivative is cheaper or stabler from it (sigmoid: {@code y (1 - y)}).
 */
public interface UnaryOp extends Op {
    /** {@code f(x)}. */
    double value(double x);

    /** {@code f'(x)}, given {@code x} and {@code y = f(x)}. */
    double derivative(double x, double y);

    /**
     * {@code f'(x)} as a node, given the nodes {@code x} and {@code y = f(x)}: the same values as
     * {@link #derivative(double, double)}, recorded with Tapegrad's ops so that it can be differentiated
     * again. The default records the numeric derivative, which works at first order; differentiating it
     * again throws an {@link IllegalStateException} that names this op. Does not modify its arguments.
     */
    default Tensor derivative(Tensor x, Tensor y) {
        return new NumericDerivative(this).apply(x, y).asTensor();
    }

    /**
     * {@code op}'s numeric derivative at the values of {@code x} and {@code y} as a constant node of
     * {@code x}'s shape: the differentiable derivative of an op whose derivative is constant between
     * kinks (abs, relu), exact to every order, since such a derivative has derivative zero wherever it
     * is defined. Does not modify its arguments.
     */
    static Tensor constantDerivative(UnaryOp op, Tensor x, Tensor y) {
        double[] xv = x.values();
        double[] yv = y.values();
        double[] d = new double[xv.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = op.derivative(xv[i], yv[i]);
        }
        return x.tape().constant(x.shape(), d);
    }

    /** {@code gx = g f'(x)}, with the derivative from {@link #derivative(Tensor, Tensor)}. */
    @Override
    default Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor gradOutput) {
        return new Tensor[] {gradOutput.mul(derivative(inputs[0], output))};
    }

    @Override
    default Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 1);
        return inputs[0];
    }

    @Override
    default double[] forward(OpCall call) {
        return Elementwise.map(this::value, call.input(0));
    }

    @Override
    default double[][] backward(OpCall call, double[] gradOutput) {
        return new double[][] {Elementwise.mapBackward(this::derivative, call.input(0), call.output(), gradOutput)};
    }

    /** Applies this function to every element of {@code x}. */
    default Tensor apply(Tensor x) {
        return x.tape().record(this, x).asTensor();
    }

    /** Applies this function to a scalar. */
    default Scalar apply(Scalar x) {
        return (Scalar) x.tape().record(this, x);
    }

    /**
     * A custom elementwise op from two functions, differentiable once: its gradient is right, and
     * differentiating that gradient again throws an error naming the op (use
     * {@link #of(String, DoubleUnaryOperator, DoubleUnaryOperator, DoubleUnaryOperator)} or
     * {@link #of(String, DoubleUnaryOperator, UnaryOp)} for higher orders).
     *
     * @param name the op's name, for messages
     * @param f the function
     * @param df its derivative, given {@code x} and {@code y = f(x)}
     */
    static UnaryOp of(String name, DoubleUnaryOperator f, DoubleBinaryOperator df) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(df, "df");
        return new FunctionOp(name, f, df, null);
    }

    /**
     * A custom elementwise op from a function and its derivative as a function of {@code x} alone.
     *
     * @param name the op's name, for messages
     * @param f the function
     * @param df its derivative {@code f'(x)}
     */
    static UnaryOp of(String name, DoubleUnaryOperator f, DoubleUnaryOperator df) {
        Objects.requireNonNull(df, "df");
        return of(name, f, (x, y) -> df.applyAsDouble(x));
    }

    /**
     * A custom elementwise op from a function and its first and second derivatives, differentiable twice
     * (the derivative becomes the op {@code name'} with derivative {@code d2f}).
     *
     * @param name the op's name, for messages
     * @param f the function
     * @param df its derivative {@code f'(x)}
     * @param d2f its second derivative {@code f''(x)}
     */
    static UnaryOp of(String name, DoubleUnaryOperator f, DoubleUnaryOperator df, DoubleUnaryOperator d2f) {
        Objects.requireNonNull(name, "name");
        return of(name, f, of(name + "'", df, d2f));
    }

    /**
     * A custom elementwise op from a function and its derivative given as an op, differentiable as many
     * times as {@code derivative} is: {@code f'(x)} is {@code derivative.value(x)}, and its node is
     * {@code derivative} applied to {@code x}. Build a tower with nested calls, e.g.
     * {@code of("sin", Math::sin, of("cos", Math::cos, ...))}, or pass a built-in-like op of your own.
     *
     * @param name the op's name, for messages
     * @param f the function
     * @param derivative the op computing {@code f'}
     */
    static UnaryOp of(String name, DoubleUnaryOperator f, UnaryOp derivative) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(derivative, "derivative");
        return new FunctionOp(name, f, (x, y) -> derivative.value(x), derivative);
    }
}
