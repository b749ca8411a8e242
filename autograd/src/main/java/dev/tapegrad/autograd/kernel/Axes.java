package dev.tapegrad.autograd.kernel;

/**
 * A shape seen around one axis as {@code [outer, dim, inner]}: element {@code (o, k, i)} is at flat
 * index {@code (o * dim + k) * inner + i}. Reductions, softmax, slicing and concatenation all walk
 * tensors this way. Internal.
 *
 * @param outer the product of the dimensions before the axis
 * @param dim the axis's extent
 * @param inner the product of the dimensions after the axis
 */
public record Axes(int outer, int dim, int inner) {
    /** The view of a shape with dimensions {@code d} around {@code axis} (already resolved, non-negative). */
    public static Axes around(int[] d, int axis) {
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= d[i];
        }
        int inner = 1;
        for (int i = axis + 1; i < d.length; i++) {
            inner *= d[i];
        }
        return new Axes(outer, d[axis], inner);
    }

    /** The flat index of element {@code (o, k, i)}. */
    public int at(int o, int k, int i) {
        return (o * dim + k) * inner + i;
    }

    /**
     * The largest element of the line {@code (o, *, i)}; softmax and log-softmax subtract it so that
     * every exponent is at most 0.
     */
    public double max(double[] x, int o, int i) {
        double m = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < dim; k++) {
            m = Math.max(m, x[at(o, k, i)]);
        }
        return m;
    }
}
