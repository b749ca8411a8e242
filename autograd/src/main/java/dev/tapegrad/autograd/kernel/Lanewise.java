package dev.tapegrad.autograd.kernel;

/**
 * Elementwise maps over ranges of arrays: {@code exp}, {@code tanh}, {@code sigmoid} and the fused
 * backward passes of sigmoid and tanh. Internal: ops call these; nothing here knows about tensors or
 * tapes.
 *
 * <p>The three transcendental maps are plain loops over {@link Math} on every JVM, and give exactly
 * {@link Math#exp} and {@link Math#tanh}. They do not use the Vector API's lanewise {@code EXP} and
 * {@code TANH}: those run a vectorised math library once the JIT has compiled the loop and
 * {@code Math} per lane before, and the two differ in the last bit for about one input in fifty, so a
 * result would depend on how far compilation had got (HotSpot gives {@code Math.exp} the same routine
 * in the interpreter and in compiled code, so it has no such dependence). The backward passes use
 * only multiplication and subtraction, which round the same way in a vector lane as in a scalar: with
 * the {@code jdk.incubator.vector} module present (and the optimising JIT running) they run on the
 * Vector API, without it as plain loops, with the same bits.
 *
 * <p>Every element of a range goes through the same instructions wherever the range starts or ends
 * (a tail shorter than a vector is computed in a padded vector, not by a scalar loop), so splitting a
 * map over threads at any boundaries gives the same bits as running it whole.
 *
 * <p>Every method reads {@code [from, to)} of its inputs, writes {@code [from, to)} of its output and
 * nothing else; an output may be the same array as an input. None allocates more than one small
 * scratch vector per call.
 */
public final class Lanewise {
    private Lanewise() {}

    private static final boolean VECTOR = Gemm.vectorized();

    /** Whether the backward passes run on the Vector API (see {@link Gemm#vectorized()}). */
    public static boolean vectorized() {
        return VECTOR;
    }

    /** {@code y[i] = exp(x[i])} for {@code i} in {@code [from, to)}; does not modify {@code x} unless it is {@code y}. */
    public static void exp(double[] x, double[] y, int from, int to) {
        check("exp", from, to, x, y);
        PlainLanewise.exp(x, y, from, to);
    }

    /** {@code y[i] = tanh(x[i])} for {@code i} in {@code [from, to)}; does not modify {@code x} unless it is {@code y}. */
    public static void tanh(double[] x, double[] y, int from, int to) {
        check("tanh", from, to, x, y);
        PlainLanewise.tanh(x, y, from, to);
    }

    /**
     * {@code y[i] = 1 / (1 + exp(-x[i]))} for {@code i} in {@code [from, to)}: 0 for large negative
     * inputs, 1 for large positive ones, never NaN for a number. Does not modify {@code x} unless it is {@code y}.
     */
    public static void sigmoid(double[] x, double[] y, int from, int to) {
        check("sigmoid", from, to, x, y);
        PlainLanewise.sigmoid(x, y, from, to);
    }

    /**
     * The sigmoid's backward pass from its output: {@code gx[i] = g[i] * y[i] * (1 - y[i])}, evaluated
     * in that order, for {@code i} in {@code [from, to)}. Does not modify {@code g} or {@code y} unless one is {@code gx}.
     */
    public static void sigmoidBackward(double[] g, double[] y, double[] gx, int from, int to) {
        check("sigmoid backward", from, to, g, y, gx);
        if (VECTOR) {
            VectorLanewise.backward(false, g, y, gx, from, to);
        } else {
            PlainLanewise.sigmoidBackward(g, y, gx, from, to);
        }
    }

    /**
     * The tanh's backward pass from its output: {@code gx[i] = g[i] * (1 - y[i] * y[i])} for {@code i}
     * in {@code [from, to)}. Does not modify {@code g} or {@code y} unless one is {@code gx}.
     */
    public static void tanhBackward(double[] g, double[] y, double[] gx, int from, int to) {
        check("tanh backward", from, to, g, y, gx);
        if (VECTOR) {
            VectorLanewise.backward(true, g, y, gx, from, to);
        } else {
            PlainLanewise.tanhBackward(g, y, gx, from, to);
        }
    }

    private static void check(String op, int from, int to, double[]... arrays) {
        for (int i = 0; i < arrays.length; i++) {
            if (arrays[i] == null) {
                throw new NullPointerException(op + ": array argument " + (i + 1) + " is null");
            }
            if (from < 0 || from > to || to > arrays[i].length) {
                throw new IllegalArgumentException(String.format(
                        "%s: range [%d, %d) does not fit array argument %d of length %d", op, from, to, i + 1,
                        arrays[i].length));
            }
        }
    }
}
