package dev.tapegrad.autograd;

/**
 * Thrown when a derivative known only as numbers is differentiated: a custom op that gives a numeric
 * backward but no differentiable one ({@link Op#vjp}, {@link UnaryOp#derivative(Tensor, Tensor)}), used
 * where a gradient of a gradient is needed. The message names the op and how to make it differentiable.
 */
public final class NotDifferentiableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** The exception for the op called {@code op}. */
    public NotDifferentiableException(String op) {
        super(op + ": this op's derivative is numeric only, so its gradient cannot be differentiated again (as "
                + "Scalar.grad of a gradient, Functional.hessian/jvp/hvp and second-order checks need). Give it a "
                + "differentiable backward: override Op.vjp with Tapegrad ops, or for an elementwise op use "
                + "UnaryOp.of(name, f, df, d2f) or UnaryOp.of(name, f, derivativeOp)");
    }
}
