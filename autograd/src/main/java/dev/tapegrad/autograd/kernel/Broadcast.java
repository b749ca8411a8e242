package dev.tapegrad.autograd.kernel;

import java.util.function.DoubleBinaryOperator;

/**
 * The loops behind every elementwise binary op: NumPy broadcasting forward, and in the backward the
 * sum of each gradient over the axes its input was broadcast along. Shapes are given as dimension
 * arrays. Internal.
 */
public final class Broadcast {
    private Broadcast() {}

    /** A partial derivative {@code df/da} or {@code df/db} at {@code a}, {@code b} and {@code y = f(a, b)}. */
    @FunctionalInterface
    public interface Partial {
        /** The partial's value. */
        double at(double a, double b, double y);
    }

    /** From this many output elements on, a same-shape op is split over threads. */
    static final int PARALLEL = 1 << 14;

    /** {@code y = op(a, b)} with {@code a} of dimensions {@code da} and {@code b} of {@code db} broadcast to {@code out}. */
    public static double[] forward(DoubleBinaryOperator op, double[] a, int[] da, double[] b, int[] db, int[] out) {
        double[] y = new double[size(out)];
        if (a.length == y.length && b.length == y.length) {
            if (y.length < PARALLEL) {
                same(op, a, b, y, 0, y.length);
            } else {
                Parallel.forWork(y.length, 1024, Parallel.elementNanos(y.length), (from, to) -> same(op, a, b, y, from, to));
            }
        } else if (b.length == 1 && a.length == y.length) {
            double bv = b[0];
            for (int i = 0; i < y.length; i++) {
                y[i] = op.applyAsDouble(a[i], bv);
            }
        } else if (a.length == y.length && trailing(db, out)) {
            // [..., n] op [n], the bias pattern: b repeats along the rows of a.
            int n = b.length;
            int rows = y.length / n;
            if (y.length < PARALLEL) {
                rows(op, a, b, y, n, 0, rows);
            } else {
                Parallel.forWork(rows, 1, Parallel.elementNanos(y.length), (from, to) -> rows(op, a, b, y, n, from, to));
            }
        } else {
            int[] ia = indexMap(da, out);
            int[] ib = indexMap(db, out);
            for (int i = 0; i < y.length; i++) {
                y[i] = op.applyAsDouble(a[ia[i]], b[ib[i]]);
            }
        }
        return y;
    }

    private static void rows(DoubleBinaryOperator op, double[] a, double[] b, double[] y, int n, int from, int to) {
        for (int r = from; r < to; r++) {
            int base = r * n;
            for (int j = 0; j < n; j++) {
                y[base + j] = op.applyAsDouble(a[base + j], b[j]);
            }
        }
    }

    private static void rowsBackwardA(Partial pa, double[] a, double[] b, double[] y, double[] g, double[] ga,
                                      int n, int from, int to) {
        for (int r = from; r < to; r++) {
            int base = r * n;
            for (int j = 0; j < n; j++) {
                int i = base + j;
                ga[i] += g[i] * pa.at(a[i], b[j], y[i]);
            }
        }
    }

    private static void same(DoubleBinaryOperator op, double[] a, double[] b, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = op.applyAsDouble(a[i], b[i]);
        }
    }

    /**
     * The gradients of both inputs, each summed back to its input's shape. A broadcast input's
     * gradient is summed in increasing order of output index whichever path runs, so the fast paths
     * give the same bits as the general one.
     */
    public static double[][] backward(Partial pa, Partial pb, double[] a, int[] da, boolean needA, double[] b, int[] db,
                                      boolean needB, double[] y, int[] out, double[] g) {
        double[] ga = needA ? new double[a.length] : null;
        double[] gb = needB ? new double[b.length] : null;
        if (a.length == y.length && b.length == y.length) {
            if (y.length < PARALLEL) {
                sameBackward(pa, pb, a, b, y, g, ga, gb, 0, y.length);
            } else {
                Parallel.forWork(y.length, 1024, Parallel.elementNanos(y.length),
                        (from, to) -> sameBackward(pa, pb, a, b, y, g, ga, gb, from, to));
            }
            return new double[][] {ga, gb};
        }
        if (a.length == y.length && trailing(db, out)) {
            int n = b.length;
            int rows = y.length / n;
            if (needA) {
                if (y.length < PARALLEL) {
                    rowsBackwardA(pa, a, b, y, g, ga, n, 0, rows);
                } else {
                    Parallel.forWork(rows, 1, Parallel.elementNanos(y.length), (from, to) -> rowsBackwardA(pa, a, b, y, g, ga, n, from, to));
                }
            }
            if (needB) {
                // One thread: the sum over rows keeps the general path's order.
                for (int r = 0; r < y.length; r += n) {
                    for (int j = 0; j < n; j++) {
                        int i = r + j;
                        gb[j] += g[i] * pb.at(a[i], b[j], y[i]);
                    }
                }
            }
            return new double[][] {ga, gb};
        }
        int[] ia = a.length == y.length ? null : indexMap(da, out);
        int[] ib = b.length == y.length ? null : indexMap(db, out);
        for (int i = 0; i < y.length; i++) {
            int ja = ia == null ? i : ia[i];
            int jb = ib == null ? i : ib[i];
            if (needA) {
                ga[ja] += g[i] * pa.at(a[ja], b[jb], y[i]);
            }
            if (needB) {
                gb[jb] += g[i] * pb.at(a[ja], b[jb], y[i]);
            }
        }
        return new double[][] {ga, gb};
    }

    private static void sameBackward(Partial pa, Partial pb, double[] a, double[] b, double[] y, double[] g,
                                     double[] ga, double[] gb, int from, int to) {
        for (int i = from; i < to; i++) {
            if (ga != null) {
                ga[i] += g[i] * pa.at(a[i], b[i], y[i]);
            }
            if (gb != null) {
                gb[i] += g[i] * pb.at(a[i], b[i], y[i]);
            }
        }
    }

    /**
     * Whether {@code in} broadcasts to {@code out} by repeating along leading axes only (its
     * dimensions, leading ones dropped, are the last dimensions of {@code out}, with at least one
     * element), so that element {@code i} of {@code out} reads element {@code i % in.size()}.
     */
    static boolean trailing(int[] di, int[] dout) {
        int size = size(di);
        if (size == 0 || size(dout) % size != 0) {
            return false;
        }
        int start = 0;
        while (start < di.length && di[start] == 1) {
            start++;
        }
        int k = di.length - start;
        if (k > dout.length) {
            return false;
        }
        for (int q = 0; q < k; q++) {
            if (di[start + q] != dout[dout.length - k + q]) {
                return false;
            }
        }
        return true;
    }

    /**
     * For each element of {@code out} (row-major), the flat index of the element of an input of shape
     * {@code in} that broadcasts to it. {@code in} must broadcast to {@code out}.
     */
    public static int[] indexMap(int[] inDims, int[] outDims) {
        if (size(inDims) == size(outDims)) {
            // Same size and broadcastable: the shapes differ at most by leading ones, so the map is the identity.
            int[] map = new int[size(outDims)];
            for (int i = 0; i < map.length; i++) {
                map[i] = i;
            }
            return map;
        }
        int rank = outDims.length;
        int[] inStrides = new int[rank];
        int[] s = strides(inDims);
        int offset = rank - inDims.length;
        for (int i = 0; i < inDims.length; i++) {
            inStrides[i + offset] = inDims[i] == 1 ? 0 : s[i];
        }
        return Strided.offsets(outDims, inStrides);
    }

    /** The number of elements of a shape with these dimensions. */
    static int size(int[] dims) {
        int n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    /** Row-major strides of a shape with these dimensions. */
    static int[] strides(int[] dims) {
        int[] s = new int[dims.length];
        int step = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            s[i] = step;
            step *= dims[i];
        }
        return s;
    }
}
