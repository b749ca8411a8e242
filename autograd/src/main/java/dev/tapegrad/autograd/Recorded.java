package dev.tapegrad.autograd;

import dev.tapegrad.autograd.internal.Recording;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A read-only view of one node recorded on a {@link Tape}, as PyTorch's {@code grad_fn}: the op that
 * produced it, its inputs, its shape and values. For tools that look at a whole computation (gradient
 * checks, graph export, anomaly search); get one with {@link Tape#node(int)}. Reading it never
 * modifies the tape.
 */
public final class Recorded {
    private final Tape tape;
    private final int index;

    Recorded(Tape tape, int index) {
        this.tape = tape;
        this.index = index;
    }

    /** The node's position in recording order. */
    public int index() {
        return index;
    }

    /** The node itself: a {@link Scalar} for shape {@code []}, else a {@link Tensor}. */
    public Node node() {
        Tensor t = tape.handle(index);
        return t.shape().isScalar() ? new Scalar(tape, index) : t;
    }

    /** The node's shape. */
    public Shape shape() {
        return tape.rec.shapeOf(index);
    }

    /** The node's values, row-major, as a copy. */
    public double[] values() {
        return tape.rec.valuesOf(index).clone();
    }

    /** Whether no op produced this node: a variable or a constant put on the tape. */
    public boolean isLeaf() {
        return tape.rec.isLeaf(index);
    }

    /** Whether the node depends on a variable; see {@link Node#requiresGrad()}. */
    public boolean requiresGrad() {
        return tape.rec.requiresGrad(index);
    }

    /**
     * The op that produced this node, or {@code null} for a leaf. A scalar op with a constant operand,
     * such as {@code x.mul(2)}, is the one-input op that multiplies by 2; {@link #constantOperand()}
     * gives the 2.
     */
    public Op op() {
        return tape.rec.opOf(index);
    }

    /** The op's name, or {@code leaf} or {@code constant}. */
    public String opName() {
        Op op = op();
        if (op == null) {
            return requiresGrad() ? "leaf" : "constant";
        }
        return op.name() == null ? op.getClass().getName() : op.name();
    }

    /** The constant right operand of a scalar op such as {@code x.mul(2)}, if it has one. */
    public OptionalDouble constantOperand() {
        Recording r = tape.rec;
        return r.hasConstantOperand(index) ? OptionalDouble.of(r.constantOf(index)) : OptionalDouble.empty();
    }

    /** The nodes this one was computed from, in operand order (empty for a leaf). */
    public List<Recorded> inputs() {
        List<Recorded> in = new ArrayList<>();
        for (int j : tape.rec.inputsOf(index)) {
            in.add(new Recorded(tape, j));
        }
        return in;
    }

    /** The shapes of the inputs, in operand order. */
    public List<Shape> inputShapes() {
        List<Shape> shapes = new ArrayList<>();
        for (int j : tape.rec.inputsOf(index)) {
            shapes.add(tape.rec.shapeOf(j));
        }
        return shapes;
    }

    /**
     * Where this node was recorded ({@code Class.method(File.java:line)} of the first frame outside the
     * library, then its callers), or empty when anomaly mode was off at the time.
     */
    public String site() {
        return tape.anomaly == null ? "" : tape.anomaly.site(index);
    }

    /** A short description for messages: {@code #12 sigmoid [4, 1]}. */
    @Override
    public String toString() {
        return "#" + index + " " + opName() + " " + shape();
    }
}
