package dev.tapegrad.nn.diagnose;

import java.util.Objects;

/**
 * One sentence of a {@link Diagnosis}: what was seen, with the numbers behind it and, for a problem,
 * what to try.
 *
 * @param severity how much it matters
 * @param kind which check produced it
 * @param message the sentence, with its numbers
 */
public record Finding(Severity severity, Kind kind, String message) {
    /** Which check a finding comes from. */
    public enum Kind {
        /** A NaN or infinity in the loss, a value, a gradient or a parameter. */
        NON_FINITE,
        /** An op whose backward disagrees with finite differences of its forward. */
        WRONG_DERIVATIVE,
        /** The network gives nearly the same output for every input. */
        CONSTANT_OUTPUT,
        /** Sigmoid or tanh units whose derivative is below 0.01. */
        SATURATED_UNITS,
        /** ReLU units that output zero for every sample. */
        DEAD_UNITS,
        /** Hidden units with identical weights in and out, which training cannot tell apart. */
        SYMMETRIC_UNITS,
        /** Gradient norms per layer (information). */
        GRADIENT_NORMS,
        /** Gradients that shrink by orders of magnitude towards the first layer, or are tiny everywhere. */
        VANISHING_GRADIENTS,
        /** Gradients that grow by orders of magnitude towards the first layer, or are huge. */
        EXPLODING_GRADIENTS,
        /** Parameters whose gradient is exactly zero: not connected to the loss. */
        NO_GRADIENT,
        /** Update-to-parameter norm ratios per layer (information). */
        UPDATE_RATIO,
        /** Updates too large for the parameters, or a loss that rises or oscillates. */
        LEARNING_RATE_TOO_HIGH,
        /** Updates too small to make progress. */
        LEARNING_RATE_TOO_LOW,
        /** The loss has plateaued above zero with healthy gradients: the network may be too small. */
        NETWORK_TOO_SMALL,
        /** The loss and how it compares with predicting the mean target (information). */
        LOSS,
        /** Training missed its target and no other check explains why: what the loss trend suggests. */
        TARGET_MISSED
    }

    /** Checks for nulls. */
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    static Finding info(Kind kind, String message) {
        return new Finding(Severity.INFO, kind, message);
    }

    static Finding warning(Kind kind, String message) {
        return new Finding(Severity.WARNING, kind, message);
    }

    static Finding error(Kind kind, String message) {
        return new Finding(Severity.ERROR, kind, message);
    }

    /** This finding as information, its message followed by what explains it. */
    Finding explainedBy(String why) {
        return info(kind, message + " " + why);
    }

    /** {@code [WARNING] message}. */
    @Override
    public String toString() {
        return "[" + severity + "] " + message;
    }
}
