package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import java.util.Arrays;
import java.util.Objects;

/**
 * The same elements in the same row-major order under another shape. The identity on values, so the
 * gradient is the output's gradient, reshaped back. One dimension may be {@code -1}: inferred.
 */
public final class Reshape implements Op {
    private final int[] dims;

    /** Reshapes to {@code dims} (copied); at most one may be {@code -1}. */
    public Reshape(int... dims) {
        this.dims = Objects.requireNonNull(dims, "reshape: dims").clone();
    }

    @Override
    public String name() {
        return "reshape";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 1);
        Shape in = inputs[0];
        int[] d = dims.clone();
        int infer = -1;
        long known = 1;
        // Messages are built only on failure: a shape is checked on every op.
        for (int i = 0; i < d.length; i++) {
            if (d[i] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("reshape: only one dimension may be -1, got "
                            + Arrays.toString(dims));
                }
                infer = i;
            } else {
                if (d[i] < 0) {
                    throw new IllegalArgumentException("reshape: dimension " + d[i] + " is negative in "
                            + Arrays.toString(dims));
                }
                known *= d[i];
            }
        }
        if (infer >= 0) {
            if (known == 0 || in.size() % known != 0) {
                throw new IllegalArgumentException(String.format("reshape: cannot infer -1 in %s for %s elements of "
                        + "shape %s", Arrays.toString(dims), in.size(), in));
            }
            d[infer] = (int) (in.size() / known);
            known *= d[infer];
        }
        if (known != in.size()) {
            throw new IllegalArgumentException(String.format("reshape: shape %s has %s elements but %s asks for %s",
                    in, in.size(), Arrays.toString(dims), known));
        }
        return Shape.of(d);
    }

    /** Shares the input's array: recorded values are never written, so no copy is needed. */
    @Override
    public double[] forward(OpCall call) {
        return call.input(0);
    }

    @Override
    public double[][] backward(OpCall call, double[] g) {
        return new double[][] {g.clone()};
    }

    /** {@code gx = reshape(g, shape of x)}. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        return new Tensor[] {g.reshape(inputs[0].shape().dims())};
    }
}
