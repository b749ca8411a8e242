package dev.tapegrad.autograd;

import dev.tapegrad.autograd.internal.Sweep;
import java.util.Arrays;
import java.util.Objects;

/**
 * The result of one backward pass: the gradient of its output with respect to each node of the tape.
 * Immutable; every read returns a copy. A node the output does not depend on, or one recorded after
 * it, has gradient zero.
 */
public final class Gradients {
    private final Tape tape;
    private final double[] scalarGrads;
    private final double[][] tensorGrads;
    private final boolean[] reached;

    Gradients(Tape tape, Sweep sweep) {
        this.tape = tape;
        this.scalarGrads = sweep.scalar();
        this.tensorGrads = sweep.tensor();
        this.reached = sweep.reached();
    }

    /**
     * Whether the output depends on this node: the backward reached it and it needs a gradient. A
     * node that was not reached reads as zero from {@code of}; this tells "zero because unused" (where
     * PyTorch leaves {@code grad} as {@code None}) from a gradient that is truly zero.
     */
    public boolean reached(Node n) {
        check(n);
        int id = n instanceof Scalar s ? s.id : ((Tensor) n).id;
        return id < reached.length && reached[id] && tape.rec.requiresGrad(id);
    }

    /**
     * Whether the output depends on this persistent value; false if it was never put on the tape.
     *
     * @throws IllegalStateException if the value changed after it was put on the tape (see {@link Leaf#version()})
     */
    public boolean reached(Leaf leaf) {
        Objects.requireNonNull(leaf, "leaf");
        Tensor t = tape.leafOrNull(leaf, "has no gradient on this tape any more");
        return t != null && reached(t);
    }

    /** The tape the gradients were computed on. */
    public Tape tape() {
        return tape;
    }

    /** The gradient with respect to a scalar. */
    public double of(Scalar s) {
        check(s);
        return scalarGradient(s.id);
    }

    /**
     * The gradient with respect to any node as an array of its size (one value for a scalar), for code
     * that handles scalars and tensors alike. A new array.
     */
    public double[] gradientOf(Node n) {
        return n instanceof Scalar s ? new double[] {of(s)} : of((Tensor) n);
    }

    /** The gradient with respect to a tensor, row-major, as a new array. */
    public double[] of(Tensor t) {
        check(t);
        int id = t.id;
        if (t.shape().isScalar()) {
            return new double[] {scalarGradient(id)};
        }
        double[] g = tensorGradient(id);
        return g == null ? new double[t.shape().size()] : g.clone();
    }

    /**
     * The gradient with respect to a persistent value: zeros if it was never put on the tape.
     *
     * @throws IllegalStateException if the value changed after it was put on the tape (see {@link Leaf#version()})
     */
    public double[] of(Leaf leaf) {
        Objects.requireNonNull(leaf, "leaf");
        Tensor t = tape.leafOrNull(leaf, "has no gradient on this tape any more");
        return t == null ? new double[leaf.shape().size()] : of(t);
    }

    /**
     * {@code into[i] += alpha * gradient[i]} for the gradient with respect to a persistent value
     * (nothing if it was never put on the tape), reading the gradient in place: an optimizer's plain
     * step {@code p -= lr * g} as {@code addTo(p, -lr, values)}, PyTorch's
     * {@code p.add_(p.grad, alpha=-lr)}, with no copy of the gradient. Does not modify these gradients.
     *
     * @throws IllegalArgumentException if {@code into} does not have the leaf's size
     * @throws IllegalStateException if the value changed after it was put on the tape (see {@link Leaf#version()})
     */
    public void addTo(Leaf leaf, double alpha, double[] into) {
        Tensor t = leafFor("addTo", leaf, into);
        if (t == null) {
            return;
        }
        if (t.shape().isScalar()) {
            into[0] += alpha * scalarGradient(t.id);
            return;
        }
        double[] g = tensorGradient(t.id);
        if (g != null) {
            for (int i = 0; i < into.length; i++) {
                into[i] += alpha * g[i];
            }
        }
    }

    /**
     * Writes the gradient with respect to a persistent value into {@code into} (zeros if it was never
     * put on the tape) and allocates nothing: for optimizers, which would otherwise copy every
     * parameter's gradient into a new array on every step. Does not modify these gradients.
     *
     * @throws IllegalArgumentException if {@code into} does not have the leaf's size
     */
    public void copyInto(Leaf leaf, double[] into) {
        Tensor t = leafFor("copyInto", leaf, into);
        if (t != null && t.shape().isScalar()) {
            into[0] = scalarGradient(t.id);
            return;
        }
        double[] g = t == null ? null : tensorGradient(t.id);
        if (g == null) {
            Arrays.fill(into, 0.0);
        } else {
            System.arraycopy(g, 0, into, 0, into.length);
        }
    }

    /**
     * The tensor {@code leaf} became on the tape, or {@code null} if it was never put there, once
     * {@code into} is known to have the leaf's size ({@code verb} names the caller in messages).
     */
    private Tensor leafFor(String verb, Leaf leaf, double[] into) {
        Objects.requireNonNull(leaf, "leaf");
        Objects.requireNonNull(into, "into");
        int size = leaf.shape().size();
        if (into.length != size) {
            throw new IllegalArgumentException("gradients: " + verb + " needs an array of " + size
                    + " values for a leaf of shape " + leaf.shape() + ", got " + into.length);
        }
        Tensor t = tape.leafOrNull(leaf, "has no gradient on this tape any more");
        if (t != null) {
            check(t);
        }
        return t;
    }

    /** The sweep's own gradient array of tensor node {@code id} (read only), or {@code null} if none reached it. */
    private double[] tensorGradient(int id) {
        int slot = tape.rec.in0(id);
        return slot < tensorGrads.length ? tensorGrads[slot] : null;
    }

    /**
     * The sweep adds into every input slot, constants included, to keep the scalar loop branch-free;
     * a constant has no gradient, so it reads as 0 here, as a constant tensor's does.
     */
    private double scalarGradient(int id) {
        return id < scalarGrads.length && tape.rec.requiresGrad(id) ? scalarGrads[id] : 0.0;
    }

    private void check(Node n) {
        Objects.requireNonNull(n, "node");
        if (n.tape() != tape) {
            throw new IllegalArgumentException(
                    "gradients: the node was recorded on a different tape from the one these gradients belong to");
        }
    }

    /** Every gradient of a variable the output reached, printed as tensors with their node numbers. */
    @Override
    public String toString() {
        return TensorFormat.gradients(this);
    }
}
