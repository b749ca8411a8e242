package dev.tapegrad.autograd.internal;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;

/**
 * The record of one general op (or tensor leaf) on a tape: the op, the ids of its input nodes, and
 * the call holding their values and the output. A leaf has no op and no inputs.
 */
public final class Entry {
    public final Op op;
    public final int[] inputs;
    public final OpCall call;
    public final boolean requiresGrad;
    /** Whether the output is 0-d, read by every backward sweep for every input gradient. */
    public final boolean scalar;
    /** The call's output, held here too: the op of every later node that reads it saves a hop. */
    private final double[] values;

    /** An entry for a call whose output is set; a leaf has {@code op == null} and no inputs. */
    public Entry(Op op, int[] inputs, OpCall call, boolean requiresGrad) {
        this.op = op;
        this.inputs = inputs;
        this.call = call;
        this.requiresGrad = requiresGrad;
        this.values = call.output();
        this.scalar = call.outputShape().isScalar();
    }

    /** The output's shape. */
    public Shape shape() {
        return call.outputShape();
    }

    /** The output's values, the call's own array (read only). */
    public double[] values() {
        return values;
    }
}
