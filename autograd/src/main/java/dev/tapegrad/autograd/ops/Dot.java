package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;

/**
 * The inner product of two tensors of one shape, their elements paired in row-major order
 * ({@code torch.dot} of the flattened tensors): {@code s = sum_i a_i b_i}, a scalar, in one pass
 * without the product array that {@code a.mul(b).sum()} records. {@code ds/da = b}, {@code ds/db = a}:
 * for an upstream gradient {@code u}, {@code ga = u b} and {@code gb = u a}, each one pass, where the
 * composed form records a broadcast of {@code u} and a product per input. Used as {@code Dot.INSTANCE.apply(a, b)};
 * the sum is accumulated in a fixed order (four interleaved partial sums), so it gives the same bits on
 * every run.
 */
public final class Dot implements Op {
    /** The one instance. */
    public static final Dot INSTANCE = new Dot();

    private Dot() {}

    @Override
    public String name() {
        return "dot";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 2);
        if (!inputs[0].equals(inputs[1])) {
            throw new IllegalArgumentException(String.format("dot: shapes %s and %s differ; dot pairs the elements "
                    + "of two tensors of one shape (it does not broadcast: reshape or expand one first)",
                    inputs[0], inputs[1]));
        }
        return Shape.of();
    }

    @Override
    public double[] forward(OpCall call) {
        double[] a = call.input(0);
        double[] b = call.input(1);
        // Four running sums, one per residue of the index mod 4, added in a fixed order at the end: four
        // independent chains of adds instead of one, and the same bits on every run.
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return new double[] {(s0 + s1) + (s2 + s3)};
    }

    @Override
    public double[][] backward(OpCall call, double[] g) {
        return new double[][] {
            call.needsGradient(0) ? scaled(call.input(1), g[0]) : null,
            call.needsGradient(1) ? scaled(call.input(0), g[0]) : null,
        };
    }

    private static double[] scaled(double[] x, double u) {
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = x[i] * u;
        }
        return y;
    }

    /**
     * {@code ga = u b}, {@code gb = u a}. Where {@code u} is a constant exactly 1 (the seed of
     * {@code grad}), {@code 1 b} is {@code b} to the bit, so the other input itself is the gradient and
     * nothing is recorded; a {@code u} that is differentiated, or any other value, records the product.
     */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor u) {
        Tensor a = inputs[0];
        Tensor b = inputs[1];
        boolean one = !u.requiresGrad() && u.item() == 1.0;
        return new Tensor[] {
            a.requiresGrad() ? (one ? b : b.mul(u)) : null,
            b.requiresGrad() ? (one ? a : a.mul(u)) : null,
        };
    }
}
