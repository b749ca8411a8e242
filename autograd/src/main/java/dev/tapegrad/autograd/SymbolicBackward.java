package dev.tapegrad.autograd;

/**
 * The reverse sweep that records its result: the same loop as {@link Backward}, over recording order
 * from the output down, but each op contributes its {@link Op#vjp} (its gradient written with
 * Tapegrad's ops) and contributions are added with recorded adds, so every gradient is a node on the
 * tape and can be differentiated again. Nodes it records land after the output and are never visited.
 */
final class SymbolicBackward {
    private SymbolicBackward() {}

    /** {@code seed^T d(root)/dx} as a node of {@code x}'s shape: zeros if {@code root} does not depend on {@code x}. */
    static Tensor gradient(Tape t, int root, Tensor seed, Tensor x) {
        int target = x.id;
        Tensor g = target <= root && t.requiresGrad(target) ? sweep(t, root, seed, target)[target] : null;
        return g != null ? g : t.constant(x.shape(), new double[x.shape().size()]);
    }

    /**
     * The gradient node of every node from {@code root} down to {@code lowest} ({@code null} where the
     * output does not depend on it). Nodes at or below {@code lowest} add nothing to {@code lowest}'s
     * gradient, so the sweep stops above it.
     */
    private static Tensor[] sweep(Tape t, int root, Tensor seed, int lowest) {
        Tensor[] g = new Tensor[root + 1];
        g[root] = seed;
        for (int i = root; i > lowest; i--) {
            Tensor gi = g[i];
            // The tape's arrays grow while the sweep records, so they are read afresh for every node.
            byte c = t.code[i];
            if (gi == null || c == Code.LEAF || c == Code.CONST) {
                continue;
            }
            if (c == Code.GENERIC) {
                Entry e = t.entries[t.in0[i]];
                if (e.op != null && e.requiresGrad) {
                    accumulate(t, g, e.op, e.inputs, e.op.vjp(handles(t, e.inputs), t.handle(i), gi));
                }
            } else {
                int[] inputs = TapeView.inputs(t, i);
                Op op = CodeTable.opOf(t, i);
                accumulate(t, g, op, inputs, op.vjp(handles(t, inputs), t.handle(i), gi));
            }
        }
        return g;
    }

    private static Tensor[] handles(Tape t, int[] ids) {
        Tensor[] h = new Tensor[ids.length];
        for (int k = 0; k < ids.length; k++) {
            h[k] = t.handle(ids[k]);
        }
        return h;
    }

    private static void accumulate(Tape t, Tensor[] g, Op op, int[] inputs, Tensor[] gin) {
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
            if (gk.tape() != t || !gk.shape().equals(t.shapeOf(j))) {
                throw new IllegalStateException(String.format("%s: vjp returned a gradient of shape %s%s for input %s "
                        + "of shape %s", op.name(), gk.shape(), gk.tape() != t ? " on another tape" : "", k,
                        t.shapeOf(j)));
            }
            g[j] = g[j] == null ? gk : g[j].add(gk);
        }
    }
}
