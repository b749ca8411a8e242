package dev.tapegrad.autograd;

import dev.tapegrad.autograd.kernel.Broadcast;

/**
 * An elementwise function of two inputs with NumPy broadcasting: {@code y = f(a, b)} with partial
 * derivatives {@code dy/da} and {@code dy/db}. Implementations give the value and the two partials as
 * numbers (the fast path) and, to be differentiable to any order, the same partials as nodes
 * ({@link #partialA(Tensor, Tensor, Tensor)}, {@link #partialB(Tensor, Tensor, Tensor)}); broadcasting,
 * and summing each gradient back over the axes it was broadcast along, live here once.
 */
public interface BinaryOp extends Op {
    /** {@code f(a, b)}. */
    double value(double a, double b);

    /** {@code df/da}, given {@code a}, {@code b} and {@code y = f(a, b)}. */
    double partialA(double a, double b, double y);

    /** {@code df/db}, given {@code a}, {@code b} and {@code y = f(a, b)}. */
    double partialB(double a, double b, double y);

    /**
     * {@code df/da} as a node of the output's shape, given the nodes {@code a}, {@code b} and
     * {@code y = f(a, b)}: the values of {@link #partialA(double, double, double)}, recorded with
     * Tapegrad's ops. The default records the numeric partial, which works at first order only.
     */
    default Tensor partialA(Tensor a, Tensor b, Tensor y) {
        return new NumericPartial(this, 0).apply(a, b, y).asTensor();
    }

    /** {@code df/db} as a node of the output's shape; see {@link #partialA(Tensor, Tensor, Tensor)}. */
    default Tensor partialB(Tensor a, Tensor b, Tensor y) {
        return new NumericPartial(this, 1).apply(a, b, y).asTensor();
    }

    /**
     * {@code ga = sumTo(g df/da, shape of a)}, {@code gb = sumTo(g df/db, shape of b)}: each summed back
     * over the axes its input was broadcast along; {@code null} for an input that needs no gradient.
     */
    @Override
    default Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor gradOutput) {
        Tensor a = inputs[0];
        Tensor b = inputs[1];
        return new Tensor[] {
            a.requiresGrad() ? gradOutput.mul(partialA(a, b, output)).sumTo(a.shape()) : null,
            b.requiresGrad() ? gradOutput.mul(partialB(a, b, output)).sumTo(b.shape()) : null,
        };
    }

    @Override
    default Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 2);
        return Shape.broadcast(inputs[0], inputs[1], name());
    }

    @Override
    default double[] forward(OpCall call) {
        return Broadcast.forward(this::value, call.input(0), call.inputShape(0).dims(), call.input(1),
                call.inputShape(1).dims(), call.outputShape().dims());
    }

    @Override
    default double[][] backward(OpCall call, double[] gradOutput) {
        return Broadcast.backward(this::partialA, this::partialB, call.input(0), call.inputShape(0).dims(),
                call.needsGradient(0), call.input(1), call.inputShape(1).dims(), call.needsGradient(1), call.output(),
                call.outputShape().dims(), gradOutput);
    }

    /** Applies this function to {@code a} and {@code b}, broadcast together. */
    default Tensor apply(Tensor a, Tensor b) {
        return a.tape().record(this, a, b).asTensor();
    }
}
