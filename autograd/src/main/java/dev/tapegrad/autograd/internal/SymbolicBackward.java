package dev.tapegrad.autograd.internal;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.function.IntFunction;

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
     * @param handle the node handle for an id
     */
    public static Tensor gradient(Recording t, Tape tape, IntFunction<Tensor> handle, int root, Tensor seed,
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
    public static Tensor[] gradients(Recording t, Tape tape, IntFunction<Tensor> handle, int root, Tensor seed,
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
    private static Tensor[] sweep(Recording t, Tape tape, IntFunction<Tensor> handle, int root, Tensor seed,
                                  int lowest) {
        Tensor[] g = new Tensor[root + 1];
        g[root] = seed;
        for (int i = root; i > lowest; i--) {
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
            int[] inputs = t.inputsOf(i);
            Op op = t.opOf(i);
            accumulate(t, tape, g, op, inputs, op.vjp(handles(handle, inputs), handle.apply(i), gi));
        }
        return g;
    }

    private static Tensor[] handles(IntFunction<Tensor> handle, int[] ids) {
        Tensor[] h = new Tensor[ids.length];
        for (int k = 0; k < ids.length; k++) {
            h[k] = handle.apply(ids[k]);
        }
        return h;
    }

    private static void accumulate(Recording t, Tape tape, Tensor[] g, Op op, int[] inputs, Tensor[] gin) {
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
            if (gk.tape() != tape || !gk.shape().equals(t.shapeOf(j))) {
                throw new IllegalStateException(String.format("%s: vjp returned a gradient of shape %s%s for input %s "
                        + "of shape %s", op.name(), gk.shape(), gk.tape() != tape ? " on another tape" : "", k,
                        t.shapeOf(j)));
            }
            g[j] = g[j] == null ? gk : g[j].add(gk);
        }
    }
}
