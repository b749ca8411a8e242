package dev.tapegrad.autograd;

import dev.tapegrad.autograd.internal.Handles;

/** A tape's handles for the recording sweep: a handle per node id, and the id behind a handle. */
final class TapeHandles implements Handles {
    private final Tape tape;

    TapeHandles(Tape tape) {
        this.tape = tape;
    }

    @Override
    public Tensor handle(int id) {
        return tape.handle(id);
    }

    @Override
    public int id(Tensor t) {
        return t.id;
    }
}
