package dev.tapegrad.autograd.internal;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.ops.Pad;

/**
 * The gradients that reach one node through slices of it along one axis, held until the sweep reaches
 * the node. Each slice's own gradient is its output gradient padded with zeros, and their sum is what the
 * node receives; when the slices do not overlap, that sum is the pieces laid side by side, so they are
 * joined by one concat (zeros filling any gap) instead of a pad per slice and an add per pair. A vector
 * of parameters cut into a network's weights and biases gets its gradient as one node this way.
 */
final class SliceParts {
    private final int axis;
    private final Shape shape;
    private int count;
    private int[] from = new int[4];
    private Tensor[] part = new Tensor[4];

    /** Parts of a node of {@code shape}, sliced along {@code axis} (resolved). */
    SliceParts(int axis, Shape shape) {
        this.axis = axis;
        this.shape = shape;
    }

    /** Whether a slice along {@code axis} can join these parts. */
    boolean accepts(int axis) {
        return axis == this.axis;
    }

    /** Adds the gradient {@code g} of the slice starting at {@code start}. */
    void add(int start, Tensor g) {
        if (count == from.length) {
            from = java.util.Arrays.copyOf(from, 2 * count);
            part = java.util.Arrays.copyOf(part, 2 * count);
        }
        // Kept in order of start: insertion, for the handful of slices a node has.
        int k = count++;
        while (k > 0 && from[k - 1] > start) {
            from[k] = from[k - 1];
            part[k] = part[k - 1];
            k--;
        }
        from[k] = start;
        part[k] = g;
    }

    /** The node's gradient from these parts, recorded on {@code tape}. */
    Tensor join(Tape tape) {
        int size = shape.dim(axis);
        int end = 0;
        int pieces = 0;
        for (int k = 0; k < count; k++) {
            if (from[k] < end) {
                return padded();
            }
            pieces += from[k] > end ? 2 : 1;
            end = from[k] + part[k].shape().dim(axis);
        }
        if (count == 1 || pieces + (end < size ? 1 : 0) > 2 * count) {
            return padded(); // mostly gaps: a pad per part costs less than the zeros between them
        }
        Tensor[] row = new Tensor[pieces + (end < size ? 1 : 0)];
        int at = 0;
        end = 0;
        for (int k = 0; k < count; k++) {
            if (from[k] > end) {
                row[at++] = zeros(tape, from[k] - end);
            }
            row[at++] = part[k];
            end = from[k] + part[k].shape().dim(axis);
        }
        if (end < size) {
            row[at] = zeros(tape, size - end);
        }
        return Tensor.concat(axis, row);
    }

    private Tensor zeros(Tape tape, int n) {
        int[] d = shape.dims();
        d[axis] = n;
        Shape s = Shape.of(d);
        return tape.constant(s, new double[s.size()]);
    }

    /** Overlapping slices: each part padded to the node's shape, then summed. */
    private Tensor padded() {
        int size = shape.dim(axis);
        Tensor sum = null;
        for (int k = 0; k < count; k++) {
            Tensor p = new Pad(axis, from[k], size).apply(part[k]).asTensor();
            sum = sum == null ? p : sum.add(p);
        }
        return sum;
    }
}
