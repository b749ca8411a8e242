package dev.tapegrad.autograd;

import dev.tapegrad.autograd.check.GradCheck;

/**
 * An operation with its own derivative: the extension point of Tapegrad, and the contract every
 * built-in tensor op implements. An op is stateless between calls (its configuration, such as an
 * axis, is fixed when it is made); what the backward needs it reads from the {@link OpCall}: the
 * inputs and the output.
 *
 * <p>Apply an op with {@link #apply(Node...)}; the result takes part in {@link Scalar#backward()}
 * and {@link GradCheck} exactly like a built-in op's.
 */
public interface Op {
    /** A short name for messages and graph export, such as {@code matmul}. */
    String name();

    /**
     * The output's shape for these input shapes, after checking that they are valid.
     *
     * @throws IllegalArgumentException naming the op and the shapes when they are not valid
     */
    Shape outputShape(Shape... inputs);

    /**
     * Computes the output values, row-major, of length {@code call.outputShape().size()}. Does not
     * modify the inputs.
     */
    double[] forward(OpCall call);

    /**
     * The vector-Jacobian product: given the gradient of the final result with respect to this op's
     * output, returns the gradient with respect to each input (an array per input, of that input's
     * size; {@code null} for an input that gets no gradient). Does not modify the call's arrays or
     * {@code gradOutput}. The tape never writes into a returned array (it sums into a copy), so an op
     * may return an array it keeps, or one of its inputs; it must not change such an array afterwards,
     * since the {@link Gradients} of the sweep may hold it.
     */
    double[][] backward(OpCall call, double[] gradOutput);

    /**
     * The vector-Jacobian product as recorded ops, so that a gradient can itself be differentiated:
     * given this op's input nodes, its output node and {@code gradOutput} (a node of the output's shape),
     * returns a node per input, of that input's shape ({@code null} for an input that gets no gradient),
     * computed with Tapegrad's own ops. It gives the same values as {@link #backward(OpCall, double[])}.
     * Only differentiation that records its result ({@link Scalar#grad(Tensor)}, {@link Functional})
     * calls it; {@link Scalar#backward()} never does.
     *
     * <p>The default records this op's numeric {@link #backward} as a node: first-order results are
     * right, and differentiating them again throws an {@link IllegalStateException} that names this op.
     * Override it to make the op differentiable to any order. Does not modify its arguments.
     */
    default Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor gradOutput) {
        return NumericGradient.vjp(this, inputs, output, gradOutput);
    }

    /**
     * Records this op on the inputs' tape and returns its output: a {@link Scalar} when the output
     * shape is {@code []}, else a {@link Tensor}.
     *
     * @throws IllegalArgumentException when there are no inputs or they come from different tapes
     */
    default Node apply(Node... inputs) {
        if (inputs.length == 0) {
            throw new IllegalArgumentException(name() + ": needs at least one input node (to find the tape)");
        }
        return inputs[0].tape().record(this, inputs);
    }

    /** Checks the number of inputs, for {@link #outputShape(Shape...)} implementations. */
    static void checkArity(Op op, Shape[] inputs, int expected) {
        if (inputs.length != expected) {
            throw new IllegalArgumentException(String.format("%s: expects %d input(s), got %d",
                    op.name(), expected, inputs.length));
        }
    }
}
