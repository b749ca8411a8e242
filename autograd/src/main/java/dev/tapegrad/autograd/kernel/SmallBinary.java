package dev.tapegrad.autograd.kernel;

/**
 * Loops of their own for {@code add}, {@code sub} and {@code mul} on small operands of one size, or with
 * a one-element right operand: the shared broadcasting loop calls the op through a lambda, a megamorphic
 * call per element, which costs more than the arithmetic at these sizes. Each loop computes what the
 * broadcasting kernel computes, in the same order, so the bits are the same. Larger arrays, and every
 * other broadcast, take the shared kernel (which splits them over threads). Internal.
 */
public final class SmallBinary {
    /** {@code a + b}. */
    public static final int ADD = 0;
    /** {@code a - b}. */
    public static final int SUB = 1;
    /** {@code a b}. */
    public static final int MUL = 2;
    /** Below this many output elements the loops here run; the shared kernel goes parallel far above it. */
    private static final int SMALL = 1 << 12;

    private SmallBinary() {}

    /**
     * The output of {@code size} elements, or {@code null} when the operands are not one of the shapes
     * handled here. Does not modify {@code a} or {@code b}.
     */
    public static double[] forward(int kind, double[] a, double[] b, int size) {
        int n = a.length;
        if (n >= SMALL || n != size || (b.length != n && b.length != 1)) {
            return null;
        }
        double[] y = new double[n];
        if (b.length == n) {
            switch (kind) {
                case ADD -> {
                    for (int i = 0; i < n; i++) {
                        y[i] = a[i] + b[i];
                    }
                }
                case SUB -> {
                    for (int i = 0; i < n; i++) {
                        y[i] = a[i] - b[i];
                    }
                }
                default -> {
                    for (int i = 0; i < n; i++) {
                        y[i] = a[i] * b[i];
                    }
                }
            }
        } else {
            double c = b[0];
            switch (kind) {
                case ADD -> {
                    for (int i = 0; i < n; i++) {
                        y[i] = a[i] + c;
                    }
                }
                case SUB -> {
                    for (int i = 0; i < n; i++) {
                        y[i] = a[i] - c;
                    }
                }
                default -> {
                    for (int i = 0; i < n; i++) {
                        y[i] = a[i] * c;
                    }
                }
            }
        }
        return y;
    }

    /**
     * Both gradients for the output gradient {@code g} ({@code null} for an input that needs none), or
     * {@code null} when the operands are not one of the shapes handled here. Modifies no argument. A one-element operand's gradient is summed in increasing index order,
     * from zero, as the kernel sums it.
     */
    public static double[][] backward(int kind, double[] a, boolean needA, double[] b, boolean needB, double[] g) {
        int n = a.length;
        if (n >= SMALL || n != g.length || (b.length != n && b.length != 1)) {
            return null;
        }
        boolean same = b.length == n;
        double[] ga = needA ? new double[n] : null;
        double[] gb = needB ? new double[b.length] : null;
        double sb = 0.0;
        for (int i = 0; i < n; i++) {
            double bi = same ? b[i] : b[0];
            double pa = kind == MUL ? bi : 1.0;
            double pb = kind == MUL ? a[i] : kind == SUB ? -1.0 : 1.0;
            if (ga != null) {
                ga[i] = 0.0 + g[i] * pa;
            }
            if (gb != null) {
                if (same) {
                    gb[i] = 0.0 + g[i] * pb;
                } else {
                    sb += g[i] * pb;
                }
            }
        }
        if (gb != null && !same) {
            gb[0] = sb;
        }
        return new double[][] {ga, gb};
    }
}
