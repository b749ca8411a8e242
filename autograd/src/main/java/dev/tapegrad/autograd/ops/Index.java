package dev.tapegrad.autograd.ops;


import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import java.util.Arrays;
import java.util.Objects;

/**
 * One element as a scalar. {@code y = x[i, j, ...]}; the gradient is the output's gradient at that
 * element and 0 elsewhere. Negative indices count from the end of their axis.
 */
public final class Index implements Op {
    private final int[] index;

    /** Selects the element at {@code index} (copied): one index per axis. */
    public Index(int... index) {
        this.index = Objects.requireNonNull(index, "get: index").clone();
    }

    @Override
    public String name() {
        return "get";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 1);
        offset(inputs[0]);
        return Shape.of();
    }

    /** The flat offset of the element, or an error naming the index and the shape. */
    int offset(Shape s) {
        // Plain ifs, not checkArgument: its arguments, the index as text among them, are built on every call.
        if (index.length != s.rank()) {
            throw new IllegalArgumentException(String.format("get: index %s has %s coordinates but shape %s has %s axes",
                    Arrays.toString(index), index.length, s, s.rank()));
        }
        int[] strides = s.strides();
        int off = 0;
        for (int a = 0; a < index.length; a++) {
            int d = s.dim(a);
            int i = index[a];
            if (i < -d || i >= d) {
                throw new IllegalArgumentException(String.format(
                        "get: index %s is out of range for shape %s (axis %s has size %s)", Arrays.toString(index), s, a, d));
            }
            off += (i < 0 ? i + d : i) * strides[a];
        }
        return off;
    }

    @Override
    public double[] forward(OpCall call) {
        return new double[] {call.input(0)[offset(call.inputShape(0))]};
    }

    @Override
    public double[][] backward(OpCall call, double[] g) {
        double[] gx = new double[call.input(0).length];
        gx[offset(call.inputShape(0))] = g[0];
        return new double[][] {gx};
    }

    /** {@code gx = scatter(g)}: zeros but at the index. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        return new Tensor[] {new Scatter(this, inputs[0].shape()).apply(g).asTensor()};
    }
}
