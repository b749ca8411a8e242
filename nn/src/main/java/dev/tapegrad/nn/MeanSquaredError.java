package dev.tapegrad.nn;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;

/**
 * Mean squared error, fused into one op for speed (one tape entry instead of a subtraction, a product
 * and a mean): inputs {@code p} and {@code t} of one shape, output {@code L = mean((p - t)^2)};
 * {@code dL/dp = 2 (p - t) / n}, {@code dL/dt = -2 (p - t) / n}.
 */
final class MeanSquaredError implements Op {
    static final MeanSquaredError INSTANCE = new MeanSquaredError();

    private MeanSquaredError() {}

    @Override
    public String name() {
        return "mse";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 2);
        if (!inputs[0].equals(inputs[1])) {
            throw new IllegalArgumentException("mse: prediction shape " + inputs[0] + " and target shape " + inputs[1]
                    + " differ; losses do not broadcast");
        }
        return Shape.of();
    }

    @Override
    public double[] forward(OpCall call) {
        double[] p = call.input(0);
        double[] t = call.input(1);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double d = p[i] - t[i];
            sum += d * d;
        }
        return new double[] {sum / p.length};
    }

    @Override
    public double[][] backward(OpCall call, double[] gradOutput) {
        double[] p = call.input(0);
        double[] t = call.input(1);
        double g = 2.0 * gradOutput[0] / p.length;
        double[] dp = call.needsGradient(0) ? new double[p.length] : null;
        double[] dt = call.needsGradient(1) ? new double[p.length] : null;
        for (int i = 0; i < p.length; i++) {
            double d = g * (p[i] - t[i]);
            if (dp != null) {
                dp[i] = d;
            }
            if (dt != null) {
                dt[i] = -d;
            }
        }
        return new double[][] {dp, dt};
    }

    /** {@code dp = (p - t) (2 g / n)}, {@code dt = -dp}. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        Tensor p = inputs[0];
        Tensor t = inputs[1];
        Tensor dp = p.sub(t).mul(g.mul(2.0).div(p.shape().size()));
        return new Tensor[] {p.requiresGrad() ? dp : null, t.requiresGrad() ? dp.neg() : null};
    }
}
