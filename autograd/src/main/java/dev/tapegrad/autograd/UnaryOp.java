package dev.tapegrad.autograd;

import dev.tapegrad.autograd.kernel.Elementwise;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * An elementwise function of one input: {@code y = f(x)} with derivative {@code dy/dx = f'(x)}.
 * Implementations give only {@link #value(double)} and {@link #derivative(double, double)}; the loops
 * live here once. The derivative receives the output too, for functions whose derivative is cheaper or
 * stabler from it (sigmoid: {@code y (1 - y)}).
 */
public interface UnaryOp extends Op {
    /** {@code f(x)}. */
    double value(double x);

    /** {@code f'(x)}, given {@code x} and {@code y = f(x)}. */
    double derivative(double x, double y);

    @Override
    default Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 1);
        return inputs[0];
    }

    @Override
    default double[] forward(OpCall call) {
        return Elementwise.map(this, call.input(0));
    }

    @Override
    default double[][] backward(OpCall call, double[] gradOutput) {
        return new double[][] {Elementwise.mapBackward(this, call.input(0), call.output(), gradOutput)};
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
     * A custom elementwise op from two functions.
     *
     * @param name the op's name, for messages
     * @param f the function
     * @param df its derivative, given {@code x} and {@code y = f(x)}
     */
    static UnaryOp of(String name, DoubleUnaryOperator f, DoubleBinaryOperator df) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(df, "df");
        return new UnaryOp() {
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
            public String toString() {
                return name;
            }
        };
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
}
