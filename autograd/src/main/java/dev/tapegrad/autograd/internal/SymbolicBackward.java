package dev.tapegrad.autograd.internal;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.ops.Slice;

/**
 * The reverse sweep that records its result: the same loop as {@link Backward}, over recording order
 * from the output down, but each op contributes its {@link Op#vjp} (its gradient written with
 * Tapegrad's ops) and contributions are added with recorded adds, so every gradient is a node on the
 * tape and can be differentiated again. Nodes it records land after the output and are never visited.
 */
public final class SymbolicBackward {
    private SymbolicBackward() {}

    /**
     * {@code seed^T d(root)/d(target)} as a node of the target's shape, or {@code null} if {@code root}
     * does not depend on node {@code target}.
     *
     * @param t the recording
     * @param tape the tape the recording belongs to, on which gradient nodes are recorded
     * @param handle node handles for ids, and ids for handles
     */
    public static Tensor gradient(Recording t, Tape tape, Handles handle, int root, Tensor seed,
                                  int target) {
        if (target > root || !t.requiresGrad(target)) {
            return null;
        }
        return sweep(t, tape, handle, root, seed, target)[target];
    }

    /**
     * {@code seed^T d(root)/d(target)} for several targets from one sweep, as
     * {@code torch.autograd.grad(root, inputs=targets)}; {@code null} for a target {@code root} does not
     * depend on.
     */
    public static Tensor[] gradients(Recording t, Tape tape, Handles handle, int root, Tensor seed,
                                     int[] targets) {
        int lowest = Integer.MAX_VALUE;
        for (int target : targets) {
            if (target <= root && t.requiresGrad(target)) {
                lowest = Math.min(lowest, target);
            }
        }
        Tensor[] out = new Tensor[targets.length];
        if (lowest == Integer.MAX_VALUE) {
            return out;
        }
        Tensor[] g = sweep(t, tape, handle, root, seed, lowest);
        for (int k = 0; k < targets.length; k++) {
            int target = targets[k];
            out[k] = target <= root && t.requiresGrad(target) ? g[target] : null;
        }
        return out;
    }

    /**
     * The gradient node of every node from {@code root} down to {@code lowest} ({@code null} where the
     * output does not depend on it). Nodes at or below {@code lowest} add nothing to {@code lowest}'s
     * gradient, so the sweep stops above it.
     */
    private static Tensor[] sweep(Recording t, Tape tape, Handles handle, int root, Tensor seed,
                                  int lowest) {
        Tensor[] g = new Tensor[root + 1];
        SliceParts[] parts = null;
        g[root] = seed;
        for (int i = root; i > lowest; i--) {
            if (parts != null && parts[i] != null) {
                join(tape, g, parts, i);
            }
            Tensor gi = g[i];
            // The arrays grow while the sweep records, so they are read afresh for every node.
            byte c = t.code(i);
            if (gi == null || c == Code.LEAF || c == Code.CONST) {
                continue;
            }
            Entry e = t.entryOf(i);
            if (e != null && (e.op == null || !e.requiresGrad)) {
                continue;
            }
            // An entry's own input ids, read only; a fast-path node's are built.
            int[] inputs = e != null ? e.inputs : t.inputsOf(i);
            Op op = e != null ? e.op : t.opOf(i);
            if (e != null && !(op instanceof Slice) && !gi.requiresGrad() && ConstantFold.applies(op)) {
                Tensor[] in = handles(handle, inputs);
                double[] gv = t.valuesOf(handle.id(gi));
                accumulate(t, tape, handle, g, op, inputs, ConstantFold.inputGradients(t, handle, e, gv, in));
                continue;
            }
            if (op instanceof Slice s && t.requiresGrad(inputs[0])) {
                int j = inputs[0];
                Shape in = handle.handle(j).shape();
                int axis = s.axis(in);
                if (parts == null) {
                    parts = new SliceParts[root + 1];
                }
                if (parts[j] == null) {
                    parts[j] = new SliceParts(axis, in);
                }
                if (parts[j].accepts(axis)) {
                    parts[j].add(s.from(in), gi);
                    continue;
                }
            }
            // The vjp gets the handles array itself: the shapes checked below come from the tape, whatever it does with it.
            accumulate(t, tape, handle, g, op, inputs, op.vjp(handles(handle, inputs), handle.handle(i), gi));
        }
        if (parts != null && parts[lowest] != null) {
            join(tape, g, parts, lowest);
        }
        return g;
    }

    /** Adds the joined slice gradients held for node {@code j} into its gradient. */
    private static void join(Tape tape, Tensor[] g, SliceParts[] parts, int j) {
        Tensor joined = parts[j].join(tape);
        parts[j] = null;
        g[j] = g[j] == null ? joined : g[j].add(joined);
    }

    private static Tensor[] handles(Handles handle, int[] ids) {
        Tensor[] h = new Tensor[ids.length];
        for (int k = 0; k < ids.length; k++) {
            h[k] = handle.handle(ids[k]);
        }
        return h;
    }

    private static void accumulate(Recording t, Tape tape, Handles handle, Tensor[] g, Op op, int[] inputs,
                                   Tensor[] gin) {
        if (gin == null || gin.length != inputs.length) {
            throw new IllegalStateException(String.format("%s: vjp returned %s gradients for %s inputs",
                    op.name(), gin == null ? "null instead of" : gin.length, inputs.length));
        }
        for (int k = 0; k < gin.length; k++) {
            Tensor gk = gin[k];
            int j = inputs[k];
            if (gk == null || !t.requiresGrad(j)) {
                continue;
            }
            Shape want = handle.handle(j).shape();
            if (gk.tape() != tape || !gk.shape().equals(want)) {
                throw new IllegalStateException(String.format("%s: vjp returned a gradient of shape %s%s for input %s "
                        + "of shape %s", op.name(), gk.shape(), gk.tape() != tape ? " on another tape" : "", k, want));
            }
            if (isZeroConstant(t, handle.id(gk))) {
                // A constant zero adds nothing, now or after any further differentiation: dropping it
                // prunes whole branches, such as the blocks of a one-hot seed that a slice's pad leaves zero.
                continue;
            }
            g[j] = g[j] == null ? gk : g[j].add(gk);
        }
    }

    /** Whether node {@code id} is a constant (no variable behind it) whose every value is zero. */
    private static boolean isZeroConstant(Recording t, int id) {
        if (t.requiresGrad(id)) {
            return false;
        }
        Entry e = t.entryOf(id);
        if (e == null) {
            return t.value(id) == 0.0;
        }
        for (double v : e.values()) {
            if (v != 0.0) {
                return false;
            }
        }
        return true;
    }
}
