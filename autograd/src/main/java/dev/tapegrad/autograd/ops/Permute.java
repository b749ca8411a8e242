package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernel.Strided;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reorders axes: output axis {@code i} is input axis {@code perm[i]}. A pure rearrangement, so the
 * gradient is the output's gradient moved back by the inverse permutation.
 */
public final class Permute implements Op {
    private final int[] perm;

    /** The permutation (copied); negative axes count from the end. */
    public Permute(int... perm) {
        this.perm = Objects.requireNonNull(perm, "permute: perm").clone();
    }

    @Override
    public String name() {
        return "permute";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 1);
        int[] p = resolve(inputs[0]);
        int[] d = inputs[0].dims();
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = d[p[i]];
        }
        return Shape.of(out);
    }

    private int[] resolve(Shape s) {
        // Messages are built only on failure: a permutation is resolved on every op.
        if (perm.length != s.rank()) {
            throw new IllegalArgumentException(String.format("permute: %s names %s axes but shape %s has %s",
                    Arrays.toString(perm), perm.length, s, s.rank()));
        }
        int[] p = new int[perm.length];
        boolean[] seen = new boolean[perm.length];
        for (int i = 0; i < perm.length; i++) {
            p[i] = s.axis(perm[i], name());
            if (seen[p[i]]) {
                throw new IllegalArgumentException("permute: axis " + perm[i] + " appears twice in "
                        + Arrays.toString(perm));
            }
            seen[p[i]] = true;
        }
        return p;
    }

    @Override
    public double[] forward(OpCall call) {
        double[] x = call.input(0);
        double[] y = new double[x.length];
        int[] src = sourceIndex(call.inputShape(0));
        for (int i = 0; i < y.length; i++) {
            y[i] = x[src[i]];
        }
        return y;
    }

    @Override
    public double[][] backward(OpCall call, double[] g) {
        double[] gx = new double[g.length];
        int[] src = sourceIndex(call.inputShape(0));
        for (int i = 0; i < g.length; i++) {
            gx[src[i]] = g[i];
        }
        return new double[][] {gx};
    }

    /** For each output element (row-major), the flat index of the input element it copies. */
    private int[] sourceIndex(Shape in) {
        int[] p = resolve(in);
        int[] inStrides = in.strides();
        int[] inDims = in.dims();
        int rank = p.length;
        int[] outDims = new int[rank];
        int[] step = new int[rank];
        for (int i = 0; i < rank; i++) {
            outDims[i] = inDims[p[i]];
            step[i] = inStrides[p[i]];
        }
        return Strided.offsets(outDims, step);
    }

    /** {@code gx = permute(g, inverse permutation)}. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        int[] p = resolve(inputs[0].shape());
        int[] inverse = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            inverse[p[i]] = i;
        }
        return new Tensor[] {g.permute(inverse)};
    }
}
