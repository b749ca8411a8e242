package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import java.util.Arrays;
import java.util.Objects;

/**
 * A gradient scaled by a polynomial of an op's output, fused into one pass:
 * {@code z = g p(y)} elementwise for {@code g} and {@code y} of one shape (or, with more inputs,
 * {@code z = g_1 ... g_k p(y)}, the factors first and {@code y} last), with
 * {@code p(y) = c_0 + c_1 y + ... + c_d y^d}. The recorded backward of an activation whose derivative is a
 * polynomial of its output: sigmoid's {@code g y (1 - y)} ({@link Sigmoid#gradientFromOutput()}, PyTorch's
 * {@code sigmoid_backward}) and tanh's {@code g (1 - y^2)} ({@link Tanh#gradientFromOutput()}), one node and one
 * array where {@code g.mul(y.mul(y.neg().add(1)))} records four.
 *
 * <p>{@code dz/dg = p(y)} and {@code dz/dy = g p'(y)}, so the vector-Jacobian product for an upstream
 * gradient {@code u} is {@code gg = u p(y)} (this op again) and {@code gy = u g p'(y)} (this family with
 * the derivative's coefficients and {@code u} as one more factor): differentiable to any order, each
 * gradient one fused node. With factors, {@code dz/dg_k} is the other factors times {@code p(y)}.
 * Horner's rule evaluates {@code p}, which for these coefficients gives the same expressions as the
 * activations' numeric backward ({@code y (1 - y)}, {@code 1 - y y}).
 */
public final class ScaledPolynomial implements Op {
    private final String name;
    private final double[] c;
    /** {@link #derivative()}, made with this op (a recorded backward asks for it on every sweep); none for zero. */
    private final ScaledPolynomial derivative;

    /**
     * {@code g p(y)} with {@code p}'s coefficients from the constant term up (copied); trailing zero
     * coefficients are dropped, and no coefficients, or only zeros, is the zero polynomial.
     *
     * @throws IllegalArgumentException if a coefficient is not finite
     */
    public ScaledPolynomial(String name, double... coefficients) {
        this.name = Objects.requireNonNull(name, "scaledPolynomial: name");
        Objects.requireNonNull(coefficients, "scaledPolynomial: coefficients");
        int d = coefficients.length;
        while (d > 0 && coefficients[d - 1] == 0) {
            d--;
        }
        c = Arrays.copyOf(coefficients, d);
        for (double v : c) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(name + ": coefficients must be finite, got " + Arrays.toString(coefficients));
            }
        }
        // The chain of derivatives ends at the zero polynomial after degree + 1 steps.
        derivative = c.length == 0 ? null : new ScaledPolynomial(name + "'", differentiated(c));
    }

    @Override
    public String name() {
        return name;
    }

    /** The coefficients from the constant term up, without trailing zeros (a copy). */
    public double[] coefficients() {
        return c.clone();
    }

    /** {@code g p'(y)}: this op for the derivative of {@code p}, named with a prime. */
    public ScaledPolynomial derivative() {
        return derivative != null ? derivative : new ScaledPolynomial(name + "'");
    }

    /** The coefficients of {@code p'}. */
    private static double[] differentiated(double[] c) {
        double[] d = new double[Math.max(0, c.length - 1)];
        for (int k = 1; k < c.length; k++) {
            d[k - 1] = k * c[k];
        }
        return d;
    }

    /** All inputs of one shape: one or more factors, then {@code y}. */
    @Override
    public Shape outputShape(Shape... inputs) {
        if (inputs.length < 2) {
            throw new IllegalArgumentException(String.format("%s: takes a gradient (or several factors of one) and the "
                    + "output y, got %s inputs", name, inputs.length));
        }
        Shape y = inputs[inputs.length - 1];
        for (int k = 0; k + 1 < inputs.length; k++) {
            if (!inputs[k].equals(y)) {
                // One gradient is the common call; several factors are named by their position.
                String which = inputs.length == 2 ? "gradient" : "gradient factor " + k;
                throw new IllegalArgumentException(String.format("%s: %s of shape %s and output of shape %s differ; "
                        + "%s must have the output's shape (this op does not broadcast)", name, which, inputs[k], y,
                        inputs.length == 2 ? "both" : "all"));
            }
        }
        return y;
    }

    @Override
    public double[] forward(OpCall call) {
        int y = call.arity() - 1;
        return scale(product(call, -1, null), call.input(y), c);
    }

    /**
     * For factor {@code k}: {@code u} times the other factors times {@code p(y)}; for {@code y}:
     * {@code u} times every factor times {@code p'(y)}.
     */
    @Override
    public double[][] backward(OpCall call, double[] u) {
        int y = call.arity() - 1;
        double[][] out = new double[y + 1][];
        for (int k = 0; k < y; k++) {
            if (call.needsGradient(k)) {
                out[k] = scale(product(call, k, u), call.input(y), c);
            }
        }
        if (call.needsGradient(y)) {
            out[y] = scale(product(call, y, u), call.input(y), derivative().c);
        }
        return out;
    }

    /**
     * The factors of {@code call} left to right, with factor {@code skip} left out and {@code u} put in
     * front ({@code skip = -1}: all factors, no {@code u}). The product is formed in the order the recorded
     * backward's nodes form it, so both give the same bits. A single factor is returned as it is (read only).
     */
    private static double[] product(OpCall call, int skip, double[] u) {
        int y = call.arity() - 1;
        double[] z = u;
        for (int k = 0; k < y; k++) {
            if (k == skip) {
                continue;
            }
            double[] f = call.input(k);
            if (z == null) {
                z = f;
            } else {
                double[] m = new double[f.length];
                for (int i = 0; i < m.length; i++) {
                    m[i] = z[i] * f[i];
                }
                z = m;
            }
        }
        return z;
    }

    /**
     * For factor {@code k}: this op on {@code u}, the other factors and {@code y}; for {@code y}: the
     * derivative's op on {@code u}, every factor and {@code y} (one node, however many factors), none
     * for a constant {@code p}'s {@code y}.
     */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor u) {
        int y = inputs.length - 1;
        Tensor[] out = new Tensor[inputs.length];
        for (int k = 0; k < y; k++) {
            if (inputs[k].requiresGrad()) {
                out[k] = apply(with(u, inputs, k)).asTensor();
            }
        }
        if (inputs[y].requiresGrad() && c.length > 1) {
            out[y] = derivative().apply(with(u, inputs, y)).asTensor();
        }
        return out;
    }

    /** {@code u}, then the inputs but input {@code skip} (the last, {@code y}, always kept). */
    private static Tensor[] with(Tensor u, Tensor[] inputs, int skip) {
        int y = inputs.length - 1;
        Tensor[] args = new Tensor[skip == y ? inputs.length + 1 : inputs.length];
        args[0] = u;
        int n = 1;
        for (int k = 0; k < inputs.length; k++) {
            if (k != skip || k == y) {
                args[n++] = inputs[k];
            }
        }
        return args;
    }

    /**
     * {@code g[i] p(y[i])} by Horner's rule; up to degree 2 one loop without an inner one (and without
     * a zero term, which would turn an infinite {@code y} into NaN).
     */
    private static double[] scale(double[] g, double[] y, double[] c) {
        double[] z = new double[g.length];
        switch (c.length) {
            case 0 -> {
                for (int i = 0; i < z.length; i++) {
                    z[i] = g[i] * 0.0;
                }
            }
            case 1 -> {
                for (int i = 0; i < z.length; i++) {
                    z[i] = g[i] * c[0];
                }
            }
            case 2 -> {
                for (int i = 0; i < z.length; i++) {
                    z[i] = g[i] * (c[0] + y[i] * c[1]);
                }
            }
            case 3 -> {
                double c0 = c[0];
                double c1 = c[1];
                double c2 = c[2];
                for (int i = 0; i < z.length; i++) {
                    double v = y[i];
                    z[i] = g[i] * (c0 + v * (c1 + v * c2));
                }
            }
            default -> {
                for (int i = 0; i < z.length; i++) {
                    double v = y[i];
                    double p = c[c.length - 1];
                    for (int k = c.length - 2; k >= 0; k--) {
                        p = c[k] + v * p;
                    }
                    z[i] = g[i] * p;
                }
            }
        }
        return z;
    }
}
