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

    /** {@code y = op(a, b)} broadcast to the call's output shape. */
    public static double[] forward(BinaryOp op, OpCall call) {
        double[] a = call.input(0);
        double[] b = call.input(1);
        Shape out = call.outputShape();
        double[] y = new double[out.size()];
        if (a.length == y.length && b.length == y.length) {
            for (int i = 0; i < y.length; i++) {
                y[i] = op.value(a[i], b[i]);
            }
        } else if (b.length == 1 && a.length == y.length) {
            double bv = b[0];
            for (int i = 0; i < y.length; i++) {
                y[i] = op.value(a[i], bv);
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

    /** The gradients of both inputs, each summed back to its input's shape. */
    public static double[][] backward(BinaryOp op, OpCall call, double[] g) {
        double[] a = call.input(0);
        double[] b = call.input(1);
        double[] y = call.output();
        boolean needA = call.needsGradient(0);
        boolean needB = call.needsGradient(1);
        double[] ga = needA ? new double[a.length] : null;
        double[] gb = needB ? new double[b.length] : null;
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

    /**
     * For each element of {@code out} (row-major), the flat index of the element of an input of shape
     * {@code in} that broadcasts to it. {@code in} must broadcast to {@code out}.
     */
    public static int[] indexMap(Shape in, Shape out) {
        int rank = out.rank();
        int[] outDims = out.dims();
        int[] inStrides = new int[rank];
        int[] inDims = in.dims();
        int[] s = in.strides();
        int offset = rank - inDims.length;
        for (int i = 0; i < inDims.length; i++) {
            inStrides[i + offset] = inDims[i] == 1 ? 0 : s[i];
        }
        int[] map = new int[out.size()];
        int[] counter = new int[rank];
        int idx = 0;
        for (int i = 0; i < map.length; i++) {
            map[i] = idx;
            for (int d = rank - 1; d >= 0; d--) {
                counter[d]++;
                idx += inStrides[d];
                if (counter[d] < outDims[d]) {
                    break;
                }
                idx -= inStrides[d] * counter[d];
                counter[d] = 0;
            }
        }
        return map;
    }
}
