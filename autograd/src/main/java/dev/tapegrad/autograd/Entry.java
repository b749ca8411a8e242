package dev.tapegrad.autograd;

/**
 * The record of one general op (or tensor leaf) on a tape: the op, the ids of its input nodes, and
 * the call holding their values and the output. A leaf has no op and no inputs.
 */
final class Entry {
    final Op op;
    final int[] inputs;
    final OpCall call;
    final boolean requiresGrad;

    Entry(Op op, int[] inputs, OpCall call, boolean requiresGrad) {
        this.op = op;
        this.inputs = inputs;
        this.call = call;
        this.requiresGrad = requiresGrad;
    }

    Shape shape() {
        return call.outputShape();
    }

    double[] values() {
        return call.output();
    }
}
