package dev.tapegrad.nn;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;

/**
 * Binary cross-entropy on logits, fused for stability: inputs {@code z} and {@code t} of one shape,
 * output {@code L = mean(max(z, 0) - z t + log(1 + e^-|z|))}, which equals
 * {@code mean(-(t log s(z) + (1 - t) log(1 - s(z))))} for the sigmoid {@code s} without ever
 * computing {@code log 0}. {@code dL/dz = (s(z) - t) / n}; {@code dL/dt = -z / n}.
 */
final class BinaryCrossEntropyWithLogits implements Op {
    static final BinaryCrossEntropyWithLogits INSTANCE = new BinaryCrossEntropyWithLogits();

    private BinaryCrossEntropyWithLogits() {}

    @Override
    public String name() {
        return "bceWithLogits";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 2);
        if (!inputs[0].equals(inputs[1])) {
            throw new IllegalArgumentException("bceWithLogits: prediction shape " + inputs[0] + " and target shape "
                    + inputs[1] + " differ; losses do not broadcast");
        }
        return Shape.of();
    }

    @Override
    public double[] forward(OpCall call) {
        double[] z = call.input(0);
        double[] t = call.input(1);
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            // The same value split by the sign of z, so that an infinite logit gives the limit (+inf for
            // a certain mistake) instead of inf - inf.
            double zi = z[i];
            sum += zi > 0 ? (1.0 - t[i]) * zi + Math.log1p(Math.exp(-zi)) : Math.log1p(Math.exp(zi)) - zi * t[i];
        }
        return new double[] {sum / z.length};
    }

    @Override
    public double[][] backward(OpCall call, double[] gradOutput) {
        double[] z = call.input(0);
        double[] t = call.input(1);
        int n = z.length;
        double g = gradOutput[0] / n;
        double[] dz = null;
        double[] dt = null;
        if (call.needsGradient(0)) {
            dz = new double[n];
            for (int i = 0; i < n; i++) {
                dz[i] = g * (sigmoid(z[i]) - t[i]);
            }
        }
        if (call.needsGradient(1)) {
            dt = new double[n];
            for (int i = 0; i < n; i++) {
                dt[i] = -g * z[i];
            }
        }
        return new double[][] {dz, dt};
    }

    /** {@code dz = (s(z) - t) (g / n)}, {@code dt = -z (g / n)}. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        Tensor z = inputs[0];
        Tensor t = inputs[1];
        Tensor scale = g.div(z.shape().size());
        return new Tensor[] {
            z.requiresGrad() ? z.sigmoid().sub(t).mul(scale) : null,
            t.requiresGrad() ? z.mul(scale).neg() : null,
        };
    }

    /** The sigmoid without overflow: {@code e^z / (1 + e^z)} for negative {@code z}. */
    private static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }
}
