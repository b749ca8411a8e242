package dev.tapegrad.autograd;

import dev.tapegrad.autograd.internal.Handles;
import java.util.Arrays;

/**
 * A tape's handles for the recording sweep: a handle per node id, and the id behind a handle. A handle
 * is immutable, so each node's is made once and kept: a Jacobian sweeps the same nodes once per row.
 */
final class TapeHandles implements Handles {
    private final Tape tape;
    /** Made at the first recorded gradient: a first-order step never needs it. */
    private Tensor[] made;

    TapeHandles(Tape tape) {
        this.tape = tape;
    }

    @Override
    public Tensor handle(int id) {
        if (made == null || id >= made.length) {
            made = made == null ? new Tensor[Math.max(id + 1, 64)]
                    : Arrays.copyOf(made, Math.max(id + 1, made.length * 2));
        }
        Tensor t = made[id];
        if (t == null) {
            t = tape.handle(id);
            made[id] = t;
        }
        return t;
    }

    @Override
    public int id(Tensor t) {
        return t.id;
    }

    @Override
    public Tensor ownedConstant(Shape shape, double[] values) {
        if (values.length != shape.size()) {
            throw new IllegalStateException(String.format("a gradient of %s values for shape %s", values.length, shape));
        }
        return tape.owned(shape, values, false);
    }
}
