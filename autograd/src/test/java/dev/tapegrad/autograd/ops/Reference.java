package dev.tapegrad.autograd.ops;

import java.util.function.DoubleBinaryOperator;

/**
 * Plain-loop reference implementations, written from the NumPy/PyTorch definitions and sharing no
 * code with the kernels, for checking forward values. Shapes are {@code int[]}, values row-major.
 */
public final class Reference {
    private Reference() {}

    /** NumPy's broadcast of two shapes, or null when they do not broadcast. */
    public static int[] broadcastShape(int[] a, int[] b) {
        int r = Math.max(a.length, b.length);
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i < r - a.length ? 1 : a[i - (r - a.length)];
            int db = i < r - b.length ? 1 : b[i - (r - b.length)];
            if (da != db && da != 1 && db != 1) {
                return null;
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    public static int size(int[] s) {
        int n = 1;
        for (int d : s) {
            n *= d;
        }
        return n;
    }

    /** The multi-index of flat position {@code flat} in shape {@code s}. */
    public static int[] unravel(int flat, int[] s) {
        int[] idx = new int[s.length];
        for (int i = s.length - 1; i >= 0; i--) {
            idx[i] = flat % s[i];
            flat /= s[i];
        }
        return idx;
    }

    /** The flat position of multi-index {@code idx} in shape {@code s}. */
    public static int ravel(int[] idx, int[] s) {
        int flat = 0;
        for (int i = 0; i < s.length; i++) {
            flat = flat * s[i] + idx[i];
        }
        return flat;
    }

    /** The element of an operand of shape {@code s} that output multi-index {@code outIdx} reads. */
    public static int source(int[] outIdx, int[] s) {
        int off = outIdx.length - s.length;
        int[] idx = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            idx[i] = s[i] == 1 ? 0 : outIdx[i + off];
        }
        return ravel(idx, s);
    }

    /** {@code f(a, b)} elementwise with broadcasting. */
    public static double[] broadcast(DoubleBinaryOperator f, double[] a, int[] sa, double[] b, int[] sb) {
        int[] out = broadcastShape(sa, sb);
        double[] y = new double[size(out)];
        for (int i = 0; i < y.length; i++) {
            int[] idx = unravel(i, out);
            y[i] = f.applyAsDouble(a[source(idx, sa)], b[source(idx, sb)]);
        }
        return y;
    }

    /** Batched matrix product with broadcast batch dimensions; both operands rank >= 2. */
    public static double[] matmul(double[] a, int[] sa, double[] b, int[] sb, int[] out) {
        int n = sa[sa.length - 2];
        int k = sa[sa.length - 1];
        int m = sb[sb.length - 1];
        int[] batchA = java.util.Arrays.copyOf(sa, sa.length - 2);
        int[] batchB = java.util.Arrays.copyOf(sb, sb.length - 2);
        int[] batch = java.util.Arrays.copyOf(out, out.length - 2);
        double[] y = new double[size(out)];
        for (int t = 0; t < size(batch); t++) {
            int[] bi = unravel(t, batch);
            int ta = source(bi, batchA);
            int tb = source(bi, batchB);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) {
                        s += a[ta * n * k + i * k + p] * b[tb * k * m + p * m + j];
                    }
                    y[t * n * m + i * m + j] = s;
                }
            }
        }
        return y;
    }

    /** The shape with {@code axis} removed, or set to 1 when {@code keepDims}. */
    public static int[] reducedShape(int[] s, int axis, boolean keepDims) {
        int[] r = new int[keepDims ? s.length : s.length - 1];
        for (int i = 0, j = 0; i < s.length; i++) {
            if (i == axis) {
                if (keepDims) {
                    r[j++] = 1;
                }
            } else {
                r[j++] = s[i];
            }
        }
        return r;
    }

    /** Reduces {@code x} over {@code axis} (non-negative) with {@code f}, starting from {@code init}. */
    public static double[] reduce(double[] x, int[] s, int axis, double init, DoubleBinaryOperator f) {
        int[] out = reducedShape(s, axis, true);
        double[] y = new double[size(out)];
        java.util.Arrays.fill(y, init);
        for (int i = 0; i < x.length; i++) {
            int[] idx = unravel(i, s);
            idx[axis] = 0;
            int o = ravel(idx, out);
            y[o] = f.applyAsDouble(y[o], x[i]);
        }
        return y;
    }

    /** Softmax of {@code x} along {@code axis} (non-negative), straight from the definition. */
    public static double[] softmax(double[] x, int[] s, int axis) {
        double[] e = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            e[i] = Math.exp(x[i]);
        }
        double[] z = reduce(e, s, axis, 0, Double::sum);
        int[] out = reducedShape(s, axis, true);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int[] idx = unravel(i, s);
            idx[axis] = 0;
            y[i] = e[i] / z[ravel(idx, out)];
        }
        return y;
    }

    /** {@code x} with axes reordered: result axis i is input axis perm[i] (non-negative). */
    public static double[] permute(double[] x, int[] s, int[] perm) {
        int[] out = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[perm[i]];
        }
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            int[] oi = unravel(i, out);
            int[] ii = new int[s.length];
            for (int a = 0; a < s.length; a++) {
                ii[perm[a]] = oi[a];
            }
            y[i] = x[ravel(ii, s)];
        }
        return y;
    }
}
