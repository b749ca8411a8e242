package dev.tapegrad.autograd;

import dev.tapegrad.autograd.kernel.Broadcast;

/**
 * An elementwise function of two inputs with NumPy broadcasting: {@code y = f(a, b)} with partial
 * derivatives {@code dy/da} and {@code dy/db}. Implementations give only the value and the two
 * partials; broadcasting, and summing each gradient back over the axes it was broadcast along, live
 * here once.
 */
public interface BinaryOp extends Op {
    /** {@code f(a, b)}. */
    double value(double a, double b);

    /** {@code df/da}, given {@code a}, {@code b} and {@code y = f(a, b)}. */
    double partialA(double a, double b, double y);

    /** {@code df/db}, given {@code a}, {@code b} and {@code y = f(a, b)}. */
    double partialB(double a, double b, double y);

    @Override
    default Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 2);
        return Shape.broadcast(inputs[0], inputs[1], name());
    }

    @Override
    default double[] forward(OpCall call) {
        return Broadcast.forward(this, call);
    }

    @Override
    default double[][] backward(OpCall call, double[] gradOutput) {
        return Broadcast.backward(this, call, gradOutput);
    }

    /** Applies this function to {@code a} and {@code b}, broadcast together. */
    default Tensor apply(Tensor a, Tensor b) {
        return a.tape().record(this, a, b).asTensor();
    }
}
