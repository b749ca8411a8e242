package dev.tapegrad.examples.bench;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Tape;

/** The scalar chain: {@code v = v * w + w} repeated, forward and backward; the longest graph per op. */
public final class ScalarChain {
    private ScalarChain() {}

    /** Ops recorded by {@link #run()}. */
    public static final int OPS = 1_000_000;

    /** Records {@link #OPS} ops and backpropagates; returns dv/dw (so the work cannot be dropped). */
    public static double run() {
        Tape tape = new Tape();
        Scalar w = tape.scalar(0.5);
        return chain(tape, w).backward().of(w);
    }

    /** The forward half of {@link #run()}: records the same {@link #OPS} ops; returns the output's value. */
    public static double forward() {
        Tape tape = new Tape();
        return chain(tape, tape.scalar(0.5)).value();
    }

    private static Scalar chain(Tape tape, Scalar w) {
        Scalar v = tape.scalar(1.0);
        for (int i = 0; i < OPS / 2; i++) {
            v = v.mul(w).add(w);
        }
        return v;
    }
}
