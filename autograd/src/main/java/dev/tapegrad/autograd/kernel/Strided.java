package dev.tapegrad.autograd.kernel;

/** Walking a tensor's elements in row-major order through a strided view of another. Internal. */
public final class Strided {
    private Strided() {}

    /**
     * For each element of a tensor of dimensions {@code dims} in row-major order, the flat offset
     * {@code sum_d index[d] * steps[d]}: the element it reads from a view with those per-axis steps. A
     * step of 0 repeats an axis (broadcasting); permuted strides reorder the axes (a transpose). An
     * odometer adds one step per element instead of a multiply per axis.
     */
    public static int[] offsets(int[] dims, int[] steps) {
        int rank = dims.length;
        int n = 1;
        for (int d : dims) {
            n *= d;
        }
        int[] map = new int[n];
        int[] counter = new int[rank];
        int idx = 0;
        for (int i = 0; i < n; i++) {
            map[i] = idx;
            for (int d = rank - 1; d >= 0; d--) {
                counter[d]++;
                idx += steps[d];
                if (counter[d] < dims[d]) {
                    break;
                }
                idx -= steps[d] * counter[d];
                counter[d] = 0;
            }
        }
        return map;
    }
}
