package dev.tapegrad.autograd;

/**
 * A value that outlives tapes, such as a model's parameter. {@link Tape#leaf(Leaf)} puts it on a
 * tape as one variable tensor (the same tensor however often it is asked for), and
 * {@link Gradients#of(Leaf)} reads its gradient back.
 *
 * <p>A tape copies the values when the leaf is first put on it. A leaf whose values change in place
 * (an optimizer step) reports it through {@link #version()}, so that a tape refuses the stale copy
 * instead of silently computing with the old values.
 */
public interface Leaf {
    /** The leaf's shape. */
    Shape shape();

    /**
     * The leaf's current values, row-major, in a new array the caller owns: a tape keeps this array
     * as its copy, so it must never be the leaf's own storage.
     */
    double[] values();

    /**
     * A number that changes whenever the values change in place, and only then; by default 0, for a
     * value that never changes. A tape remembers the version it copied, and once the version differs
     * it refuses the leaf and its gradient with an {@link IllegalStateException}.
     */
    default long version() {
        return 0;
    }

    /** A name for error messages, such as {@code 0.weight}; by default {@code toString()}. */
    default String name() {
        return toString();
    }
}
