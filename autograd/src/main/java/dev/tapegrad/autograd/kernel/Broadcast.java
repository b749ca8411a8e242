package dev.tapegrad.autograd.kernel;

import dev.tapegrad.autograd.BinaryOp;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;

/**
 * The loops behind every {@link BinaryOp}: NumPy broadcasting forward, and in the backward the sum of
 * each gradient over the axes its input was broadcast along. Internal.
 */
public final class Broadcast {
    private Broadcast() {}

    /** From this many output elements on, a same-shape op is split over threads. */
    static final int PARALLEL = 1 << 14;

    /** {@code y = op(a, b)} broadcast to the call's output shape. */
    public static double[] forward(BinaryOp op, OpCall call) {
        double[] a = call.input(0);
        double[] b = call.input(1);
        Shape out = call.outputShape();
        double[] y = new double[out.size()];
        if (a.length == y.length && b.length == y.length) {
            if (y.length < PARALLEL) {
                same(op, a, b, y, 0, y.length);
            } else {
                Parallel.forRange(y.length, 1024, Parallel.threads(), (from, to) -> same(op, a, b, y, from, to));
            }
        } else if (b.length == 1 && a.length == y.length) {
            double bv = b[0];
            for (int i = 0; i < y.length; i++) {
                y[i] = op.value(a[i], bv);
            }
        } else if (a.length == y.length && trailing(call.inputShape(1), out)) {
            // [..., n] op [n], the bias pattern: b repeats along the rows of a.
            int n = b.length;
            int rows = y.length / n;
            if (y.length < PARALLEL) {
                rows(op, a, b, y, n, 0, rows);
            } else {
                Parallel.forRange(rows, 1, Parallel.threads(), (from, to) -> rows(op, a, b, y, n, from, to));
            }
        } else {
            int[] ia = indexMap(call.inputShape(0), out);
            int[] ib = indexMap(call.inputShape(1), out);
            for (int i = 0; i < y.length; i++) {
                y[i] = op.value(a[ia[i]], b[ib[i]]);
            }
        }
        return y;
    }

    private static void rows(BinaryOp op, double[] a, double[] b, double[] y, int n, int from, int to) {
        for (int r = from; r < to; r++) {
            int base = r * n;
            for (int j = 0; j < n; j++) {
                y[base + j] = op.value(a[base + j], b[j]);
            }
        }
    }

    private static void rowsBackwardA(BinaryOp op, double[] a, double[] b, double[] y, double[] g, double[] ga,
                                      int n, int from, int to) {
        for (int r = from; r < to; r++) {
            int base = r * n;
            for (int j = 0; j < n; j++) {
                int i = base + j;
                ga[i] += g[i] * op.partialA(a[i], b[j], y[i]);
            }
        }
    }

    private static void same(BinaryOp op, double[] a, double[] b, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = op.value(a[i], b[i]);
        }
    }

    /**
     * The gradients of both inputs, each summed back to its input's shape. A broadcast input's
     * gradient is summed in increasing order of output index whichever path runs, so the fast paths
     * give the same bits as the general one.
     */
    public static double[][] backward(BinaryOp op, OpCall call, double[] g) {
        double[] a = call.input(0);
        double[] b = call.input(1);
        double[] y = call.output();
        boolean needA = call.needsGradient(0);
        boolean needB = call.needsGradient(1);
        double[] ga = needA ? new double[a.length] : null;
        double[] gb = needB ? new double[b.length] : null;
        if (a.length == y.length && b.length == y.length) {
            if (y.length < PARALLEL) {
                sameBackward(op, a, b, y, g, ga, gb, 0, y.length);
            } else {
                Parallel.forRange(y.length, 1024, Parallel.threads(),
                        (from, to) -> sameBackward(op, a, b, y, g, ga, gb, from, to));
            }
            return new double[][] {ga, gb};
        }
        if (a.length == y.length && trailing(call.inputShape(1), call.outputShape())) {
            int n = b.length;
            int rows = y.length / n;
            if (needA) {
                if (y.length < PARALLEL) {
                    rowsBackwardA(op, a, b, y, g, ga, n, 0, rows);
                } else {
                    Parallel.forRange(rows, 1, Parallel.threads(), (from, to) -> rowsBackwardA(op, a, b, y, g, ga, n, from, to));
                }
            }
            if (needB) {
                // One thread: the sum over rows keeps the general path's order.
                for (int r = 0; r < y.length; r += n) {
                    for (int j = 0; j < n; j++) {
                        int i = r + j;
                        gb[j] += g[i] * op.partialB(a[i], b[j], y[i]);
                    }
                }
            }
            return new double[][] {ga, gb};
        }
        int[] ia = a.length == y.length ? null : indexMap(call.inputShape(0), call.outputShape());
        int[] ib = b.length == y.length ? null : indexMap(call.inputShape(1), call.outputShape());
        for (int i = 0; i < y.length; i++) {
            int ja = ia == null ? i : ia[i];
            int jb = ib == null ? i : ib[i];
            if (needA) {
                ga[ja] += g[i] * op.partialA(a[ja], b[jb], y[i]);
            }
            if (needB) {
                gb[jb] += g[i] * op.partialB(a[ja], b[jb], y[i]);
            }
        }
        return new double[][] {ga, gb};
    }

    private static void sameBackward(BinaryOp op, double[] a, double[] b, double[] y, double[] g,
                                     double[] ga, double[] gb, int from, int to) {
        for (int i = from; i < to; i++) {
            if (ga != null) {
                ga[i] += g[i] * op.partialA(a[i], b[i], y[i]);
            }
            if (gb != null) {
                gb[i] += g[i] * op.partialB(a[i], b[i], y[i]);
            }
        }
    }

    /**
     * Whether {@code in} broadcasts to {@code out} by repeating along leading axes only (its
     * dimensions, leading ones dropped, are the last dimensions of {@code out}, with at least one
     * element), so that element {@code i} of {@code out} reads element {@code i % in.size()}.
     */
    static boolean trailing(Shape in, Shape out) {
        int size = in.size();
        if (size == 0 || out.size() % size != 0) {
            return false;
        }
        int[] di = in.dims();
        int[] dout = out.dims();
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
    public static int[] indexMap(Shape in, Shape out) {
        if (in.size() == out.size()) {
            // Same size and broadcastable: the shapes differ at most by leading ones, so the map is the identity.
            int[] map = new int[out.size()];
            for (int i = 0; i < map.length; i++) {
                map[i] = i;
            }
            return map;
        }
        int rank = out.rank();
        int[] outDims = out.dims();
        int[] inStrides = new int[rank];
        int[] inDims = in.dims();
        int[] s = in.strides();
        int offset = rank - inDims.length;
        for (int i = 0; i < inDims.length; i++) {
            inStrides[i + offset] = inDims[i] == 1 ? 0 : s[i];
        }
        return Strided.offsets(outDims, inStrides);
    }
}
