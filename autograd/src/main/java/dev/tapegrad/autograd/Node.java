package dev.tapegrad.autograd;

/**
 * A value recorded on a {@link Tape}: a {@link Scalar} or a {@link Tensor}. Both are thin handles
 * (the tape and an index); the values live on the tape.
 */
public sealed interface Node permits Scalar, Tensor {
    /** The tape this node was recorded on. */
    Tape tape();

    /** The node's shape; {@code []} for a scalar. */
    Shape shape();

    /** The node's values, row-major, as a copy the caller may change. */
    double[] values();

    /**
     * Whether this node depends on a variable, so that gradients flow into it (PyTorch's
     * {@code requires_grad}): false for constants and for nodes computed from constants only.
     */
    boolean requiresGrad();

    /** This node as a tensor (a scalar becomes a 0-d tensor); records nothing on the tape. */
    Tensor asTensor();
}
