package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import java.util.Arrays;
import java.util.Objects;

/**
 * A gradient scaled by a polynomial of an op's output, fused into one pass:
 * {@code z = g p(y)} elementwise for {@code g} and {@code y} of one shape, with
 * {@code p(y) = c_0 + c_1 y + ... + c_d y^d}. The recorded backward of an activation whose derivative is a
 * polynomial of its output: sigmoid's {@code g y (1 - y)} ({@link Sigmoid#gradientFromOutput()}, PyTorch's
 * {@code sigmoid_backward}) and tanh's {@code g (1 - y^2)} ({@link Tanh#gradientFromOutput()}), one node and one
 * array where {@code g.mul(y.mul(y.neg().add(1)))} records four.
 *
 * <p>{@code dz/dg = p(y)} and {@code dz/dy = g p'(y)}, so the vector-Jacobian product for an upstream
 * gradient {@code u} is {@code gg = u p(y)} (this op again) and {@code gy = (u g) p'(y)} (this family with
 * the derivative's coefficients): differentiable to any order, each order one product and one fused pass.
 * Horner's rule evaluates {@code p}, which for these coefficients gives the same expressions as the
 * activations' numeric backward ({@code y (1 - y)}, {@code 1 - y y}).
 */
public final class ScaledPolynomial implements Op {
    private final String name;
    private final double[] c;

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
        double[] d = new double[Math.max(0, c.length - 1)];
        for (int k = 1; k < c.length; k++) {
            d[k - 1] = k * c[k];
        }
        return new ScaledPolynomial(name + "'", d);
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 2);
        if (!inputs[0].equals(inputs[1])) {
            throw new IllegalArgumentException(String.format("%s: gradient of shape %s and output of shape %s differ; "
                    + "both must have the output's shape (this op does not broadcast)", name, inputs[0], inputs[1]));
        }
        return inputs[0];
    }

    @Override
    public double[] forward(OpCall call) {
        return scale(call.input(0), call.input(1), c);
    }

    /** {@code gg = u p(y)}, {@code gy = u g p'(y)}. */
    @Override
    public double[][] backward(OpCall call, double[] u) {
        double[] g = call.input(0);
        double[] y = call.input(1);
        double[] gg = call.needsGradient(0) ? scale(u, y, c) : null;
        double[] gy = null;
        if (call.needsGradient(1)) {
            double[] ug = new double[u.length];
            for (int i = 0; i < ug.length; i++) {
                ug[i] = u[i] * g[i];
            }
            gy = scale(ug, y, derivative().c);
        }
        return new double[][] {gg, gy};
    }

    /** {@code gg = scaledPolynomial_p(u, y)}, {@code gy = scaledPolynomial_p'(u g, y)}; none for a constant {@code p}'s {@code y}. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor u) {
        Tensor g = inputs[0];
        Tensor y = inputs[1];
        Tensor gg = g.requiresGrad() ? apply(u, y).asTensor() : null;
        Tensor gy = null;
        if (y.requiresGrad() && c.length > 1) {
            gy = derivative().apply(u.mul(g), y).asTensor();
        }
        return new Tensor[] {gg, gy};
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
