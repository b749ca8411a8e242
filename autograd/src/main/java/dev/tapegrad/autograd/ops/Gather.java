package dev.tapegrad.autograd.ops;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import java.util.Arrays;
import java.util.Objects;

/**
 * Picks elements along one axis by index, as {@code torch.gather(x, axis, index)}: the output has the
 * index's shape and, for axis 0 of a 2-D input, {@code y[i][j] = x[index[i][j]][j]} (likewise for
 * other axes and ranks). The index has the input's rank and, on every other axis, at most its extent;
 * its values lie in {@code [0, x.dim(axis))}. {@code indexSelect} (whole slices along the axis, as
 * {@code torch.index_select}) is the gather whose index repeats one list across the other axes.
 * Linear in {@code x}: {@code gx = scatterAdd(g)}, the gradient summed into the picked positions
 * ({@link ScatterAdd}, whose own gradient is this gather).
 */
public final class Gather implements Op {
    private final String name;
    private final int axis;
    private final int[] index;
    private final Shape indexShape;

    private Gather(String name, int axis, int[] index, Shape indexShape) {
        this.name = name;
        this.axis = axis;
        this.index = index;
        this.indexShape = indexShape;
    }

    /**
     * {@code torch.gather}: picks along {@code axis} at {@code index}, a tensor of whole numbers whose
     * values are read now (no gradient flows into it).
     *
     * @throws IllegalArgumentException if an index value is not a whole number
     */
    public static Gather of(int axis, Tensor index) {
        Objects.requireNonNull(index, "gather: index");
        double[] v = index.values();
        int[] ix = new int[v.length];
        for (int p = 0; p < v.length; p++) {
            checkArgument(v[p] == Math.rint(v[p]) && Math.abs(v[p]) <= Integer.MAX_VALUE,
                    "gather: index element %s is %s; an index holds whole numbers", p, (Double) v[p]);
            ix[p] = (int) v[p];
        }
        return new Gather("gather", axis, ix, index.shape());
    }

    /**
     * {@code torch.index_select}: the slices {@code indices[0], indices[1], ...} along {@code axis} of an
     * input of shape {@code in}, in that order (repeats allowed).
     *
     * @throws IllegalArgumentException if the axis or an index is out of range for {@code in}
     */
    public static Gather indexSelect(int axis, int[] indices, Shape in) {
        Objects.requireNonNull(indices, "indexSelect: indices");
        int a = in.axis(axis, "indexSelect");
        int n = in.dim(a);
        for (int k = 0; k < indices.length; k++) {
            checkArgument(indices[k] >= 0 && indices[k] < n,
                    "indexSelect: index %s (position %s) is out of range for axis %s of shape %s (valid: 0 to %s)",
                    indices[k], k, axis, in, n - 1);
        }
        int[] d = in.dims();
        d[a] = indices.length;
        Shape out = Shape.of(d);
        int[] ix = new int[out.size()];
        int inner = out.strides()[a];
        for (int p = 0; p < ix.length; p++) {
            ix[p] = indices[(p / inner) % indices.length];
        }
        return new Gather("indexSelect", axis, ix, out);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 1);
        offsets(inputs[0]);
        return indexShape;
    }

    /**
     * For each index position, the flat offset in an input of shape {@code in} that it picks; an error
     * naming this op and the shapes when the index does not fit {@code in}.
     */
    int[] offsets(Shape in) {
        int a = in.axis(axis, name);
        checkArgument(indexShape.rank() == in.rank(), "%s: index of shape %s has %s axes but the input of shape %s has %s",
                name, indexShape, indexShape.rank(), in, in.rank());
        for (int d = 0; d < in.rank(); d++) {
            checkArgument(d == a || indexShape.dim(d) <= in.dim(d),
                    "%s: index of shape %s is larger than the input of shape %s on axis %s (only axis %s may differ)",
                    name, indexShape, in, d, a);
        }
        int n = in.dim(a);
        int[] strides = in.strides();
        int[] dims = indexShape.dims();
        int[] at = new int[dims.length];
        int[] off = new int[index.length];
        for (int p = 0; p < off.length; p++) {
            int k = index[p];
            if (k < 0 || k >= n) {
                throw new IllegalArgumentException(String.format("%s: index %s at position %s of the index is out of "
                        + "range for axis %s of shape %s (valid: 0 to %s)", name, k, Arrays.toString(at), axis, in, n - 1));
            }
            int o = 0;
            for (int d = 0; d < dims.length; d++) {
                o += (d == a ? k : at[d]) * strides[d];
            }
            off[p] = o;
            for (int d = dims.length - 1; d >= 0 && ++at[d] == dims[d]; d--) {
                at[d] = 0;
            }
        }
        return off;
    }

    @Override
    public double[] forward(OpCall call) {
        int[] off = offsets(call.inputShape(0));
        double[] x = call.input(0);
        double[] y = new double[off.length];
        for (int p = 0; p < y.length; p++) {
            y[p] = x[off[p]];
        }
        return y;
    }

    @Override
    public double[][] backward(OpCall call, double[] g) {
        return new double[][] {ScatterAdd.sum(offsets(call.inputShape(0)), g, call.inputShape(0).size())};
    }

    /** {@code gx = scatterAdd(g)} into the input's shape. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        return new Tensor[] {new ScatterAdd(this, inputs[0].shape()).apply(g).asTensor()};
    }

    /** The shape of the index, which is the output's. */
    Shape indexShape() {
        return indexShape;
    }
}
