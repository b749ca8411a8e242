package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernel.Elementwise;
import dev.tapegrad.autograd.kernel.Lanewise;

/**
 * The sigmoid's backward as one op (PyTorch's {@code sigmoid_backward}): inputs {@code g} and the
 * sigmoid's output {@code y}, of one shape; {@code z = g y (1 - y)}. Its own derivatives are
 * {@code dz/dg = y (1 - y)} and {@code dz/dy = g (1 - 2y)}, so differentiating a sigmoid's gradient
 * records two nodes ({@code sigmoidBackward} and {@link SigmoidCurvature}) where the composed formula
 * records a dozen.
 */
public final class SigmoidBackward implements Op {
    /** The one instance. */
    public static final SigmoidBackward INSTANCE = new SigmoidBackward();

    private SigmoidBackward() {}

    /** {@code g y (1 - y)} as a node on their tape. */
    public static Tensor of(Tensor g, Tensor y) {
        return INSTANCE.apply(g, y).asTensor();
    }

    @Override
    public String name() {
        return "sigmoidBackward";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 2);
        if (!inputs[0].equals(inputs[1])) {
            throw new IllegalArgumentException("sigmoidBackward: gradient shape " + inputs[0]
                    + " differs from the sigmoid's output shape " + inputs[1]);
        }
        return inputs[0];
    }

    /** The values {@link Sigmoid}'s numeric backward gives, bit for bit, on both of its paths. */
    @Override
    public double[] forward(OpCall call) {
        double[] g = call.input(0);
        double[] y = call.input(1);
        if (g.length >= Elementwise.LANEWISE) {
            return Elementwise.map(Lanewise::sigmoidBackward, g, y);
        }
        double[] z = new double[g.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = g[i] * Sigmoid.INSTANCE.derivative(0, y[i]);
        }
        return z;
    }

    @Override
    public double[][] backward(OpCall call, double[] u) {
        double[] g = call.input(0);
        double[] y = call.input(1);
        double[] gg = call.needsGradient(0) ? new double[u.length] : null;
        double[] gy = call.needsGradient(1) ? new double[u.length] : null;
        for (int i = 0; i < u.length; i++) {
            if (gg != null) {
                gg[i] = u[i] * Sigmoid.INSTANCE.derivative(0, y[i]);
            }
            if (gy != null) {
                gy[i] = SigmoidCurvature.value(u[i], g[i], y[i]);
            }
        }
        return new double[][] {gg, gy};
    }

    /** {@code dg = sigmoidBackward(u, y)}, {@code dy = u g (1 - 2y)}. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor u) {
        Tensor g = inputs[0];
        Tensor y = inputs[1];
        return new Tensor[] {
            g.requiresGrad() ? of(u, y) : null,
            y.requiresGrad() ? SigmoidCurvature.of(u, g, y) : null,
        };
    }
}
