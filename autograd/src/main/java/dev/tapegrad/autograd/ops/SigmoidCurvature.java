package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;

/**
 * The partial of {@link SigmoidBackward} with respect to the sigmoid's output, as one op: inputs
 * {@code u}, {@code g}, {@code y} of one shape; {@code w = u g (1 - 2y)}. Symmetric in {@code u} and
 * {@code g}: {@code dw/du = g (1 - 2y)}, {@code dw/dg = u (1 - 2y)}, {@code dw/dy = -2 u g}.
 */
public final class SigmoidCurvature implements Op {
    /** The one instance. */
    public static final SigmoidCurvature INSTANCE = new SigmoidCurvature();

    private SigmoidCurvature() {}

    /** {@code u g (1 - 2y)} as a node on their tape. */
    public static Tensor of(Tensor u, Tensor g, Tensor y) {
        return INSTANCE.apply(u, g, y).asTensor();
    }

    /** {@code u g (1 - 2y)} for numbers. */
    static double value(double u, double g, double y) {
        return u * g * (1.0 - 2.0 * y);
    }

    @Override
    public String name() {
        return "sigmoidCurvature";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 3);
        if (!inputs[0].equals(inputs[1]) || !inputs[0].equals(inputs[2])) {
            throw new IllegalArgumentException("sigmoidCurvature: shapes " + inputs[0] + ", " + inputs[1] + " and "
                    + inputs[2] + " differ; all three must be the sigmoid output's shape");
        }
        return inputs[0];
    }

    @Override
    public double[] forward(OpCall call) {
        double[] u = call.input(0);
        double[] g = call.input(1);
        double[] y = call.input(2);
        double[] w = new double[u.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = value(u[i], g[i], y[i]);
        }
        return w;
    }

    @Override
    public double[][] backward(OpCall call, double[] v) {
        double[] u = call.input(0);
        double[] g = call.input(1);
        double[] y = call.input(2);
        double[] gu = call.needsGradient(0) ? new double[v.length] : null;
        double[] gg = call.needsGradient(1) ? new double[v.length] : null;
        double[] gy = call.needsGradient(2) ? new double[v.length] : null;
        for (int i = 0; i < v.length; i++) {
            if (gu != null) {
                gu[i] = value(v[i], g[i], y[i]);
            }
            if (gg != null) {
                gg[i] = value(u[i], v[i], y[i]);
            }
            if (gy != null) {
                gy[i] = -2.0 * v[i] * u[i] * g[i];
            }
        }
        return new double[][] {gu, gg, gy};
    }

    /** {@code du = curvature(v, g, y)}, {@code dg = curvature(u, v, y)}, {@code dy = -2 v u g}. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor v) {
        Tensor u = inputs[0];
        Tensor g = inputs[1];
        Tensor y = inputs[2];
        return new Tensor[] {
            u.requiresGrad() ? of(v, g, y) : null,
            g.requiresGrad() ? of(u, v, y) : null,
            y.requiresGrad() ? v.mul(u).mul(g).mul(-2.0) : null,
        };
    }
}
