package dev.tapegrad.autograd;

/**
 * A value that outlives tapes, such as a model's parameter. {@link Tape#leaf(Leaf)} puts it on a
 * tape as one variable tensor (the same tensor however often it is asked for), and
 * {@link Gradients#of(Leaf)} reads its gradient back.
 */
public interface Leaf {
    /** The leaf's shape. */
    Shape shape();

    /** The leaf's current values, row-major; a copy. */
    double[] values();
}
