package dev.tapegrad.nn;

import java.io.IOException;

/**
 * A checkpoint file that cannot be loaded: malformed, truncated, or not matching the model. The
 * message names the tensor or the byte offset where the problem is.
 */
public final class CheckpointException extends IOException {
    private static final long serialVersionUID = 1L;

    /** An exception with this message. */
    public CheckpointException(String message) {
        super(message);
    }
}
