package dev.tapegrad.autograd.internal;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;

/**
 * How the recording sweep turns node ids into handles and back: the tape's side of
 * {@link SymbolicBackward}, which lives outside the package that can read a handle's id.
 */
public interface Handles {
    /** A tensor handle on node {@code id} (0-d for a scalar node); records nothing. */
    Tensor handle(int id);

    /** The id of the node {@code t} is a handle on; {@code t} belongs to the sweep's tape. */
    int id(Tensor t);

    /**
     * A tensor constant of {@code shape} that takes ownership of {@code values}, for values the sweep
     * computed itself and never touches again (so they need no copy).
     */
    Tensor ownedConstant(Shape shape, double[] values);
}
