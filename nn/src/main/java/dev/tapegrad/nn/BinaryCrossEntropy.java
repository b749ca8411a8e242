package dev.tapegrad.nn;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;

/**
 * Binary cross-entropy on probabilities, fused: inputs {@code p} and {@code t} of one shape, output
 * {@code L = mean(-(t max(log p, -100) + (1 - t) max(log(1 - p), -100)))}.
 * {@code dL/dp = (p - t) / max(p (1 - p), 1e-12) / n} and
 * {@code dL/dt = -(max(log p, -100) - max(log(1 - p), -100)) / n}, as PyTorch computes them; the clamps
 * keep the value and both gradients finite at {@code p = 0} and {@code p = 1}.
 */
final class BinaryCrossEntropy implements Op {
    static final BinaryCrossEntropy INSTANCE = new BinaryCrossEntropy();
    private static final double LOG_FLOOR = -100.0;
    // PyTorch's constant is the float 1e-12 (9.99999996e-13 as a double); the same bits give the same
    // gradient at p = 0 and p = 1, where the clamp decides it.
    private static final double EPSILON = 1e-12f;

    private BinaryCrossEntropy() {}

    @Override
    public String name() {
        return "bce";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 2);
        if (!inputs[0].equals(inputs[1])) {
            throw new IllegalArgumentException("bce: prediction shape " + inputs[0] + " and target shape " + inputs[1]
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
            // NaN passes on to the result, so a diverged model shows a NaN loss rather than an exception.
            if (p[i] < 0.0 || p[i] > 1.0) {
                throw new IllegalArgumentException(String.format(
                        "bce: prediction element %d is %s; probabilities must be in [0, 1] "
                                + "(apply sigmoid first, or use Loss.bceWithLogits on raw outputs)", i, p[i]));
            }
            sum -= t[i] * logP(p[i]) + (1.0 - t[i]) * log1mP(p[i]);
        }
        return new double[] {sum / p.length};
    }

    @Override
    public double[][] backward(OpCall call, double[] gradOutput) {
        double[] p = call.input(0);
        double[] t = call.input(1);
        int n = p.length;
        double g = gradOutput[0] / n;
        double[] dp = null;
        double[] dt = null;
        if (call.needsGradient(0)) {
            dp = new double[n];
            for (int i = 0; i < n; i++) {
                dp[i] = g * (p[i] - t[i]) / Math.max(p[i] * (1.0 - p[i]), EPSILON);
            }
        }
        if (call.needsGradient(1)) {
            dt = new double[n];
            for (int i = 0; i < n; i++) {
                dt[i] = -g * (logP(p[i]) - log1mP(p[i]));
            }
        }
        return new double[][] {dp, dt};
    }

    /**
     * {@code dp = (g / n) (p - t) / max(p (1 - p), 1e-12)}, {@code dt = -(g / n) (log p - log(1 - p))}, each
     * log clamped at -100: the numeric backward's formulas, with the clamps as {@code clamp} ops.
     */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        Tensor p = inputs[0];
        Tensor t = inputs[1];
        Tensor scale = g.div(p.shape().size());
        Tensor dp = null;
        Tensor dt = null;
        if (p.requiresGrad()) {
            Tensor variance = p.mul(p.neg().add(1.0)).clamp(EPSILON, Double.POSITIVE_INFINITY);
            dp = p.sub(t).div(variance).mul(scale);
        }
        if (t.requiresGrad()) {
            Tensor logP = p.log().clamp(LOG_FLOOR, Double.POSITIVE_INFINITY);
            Tensor log1mP = p.neg().log1p().clamp(LOG_FLOOR, Double.POSITIVE_INFINITY);
            dt = logP.sub(log1mP).mul(scale).neg();
        }
        return new Tensor[] {dp, dt};
    }

    private static double logP(double p) {
        return Math.max(Math.log(p), LOG_FLOOR);
    }

    private static double log1mP(double p) {
        return Math.max(Math.log1p(-p), LOG_FLOOR);
    }
}
