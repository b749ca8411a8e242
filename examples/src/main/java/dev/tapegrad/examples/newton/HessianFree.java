package dev.tapegrad.examples.newton;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Tensor;
import java.util.Objects;
import java.util.function.Function;

/**
 * Hessian-free Newton (Martens, 2010, without the Gauss-Newton matrix): at each point, conjugate
 * gradient solves {@code (H + lambda I) d = -g} using only Hessian-vector products, and the step is
 * accepted only if it lowers the loss (trust-region acceptance). The damping {@code lambda} adapts as in
 * Levenberg-Marquardt: with {@code rho} the actual decrease over the decrease the undamped quadratic
 * model {@code q(d) = g.d + d.H.d / 2} predicted, {@code lambda} shrinks by 2/3 when {@code rho > 3/4}
 * and grows by 3/2 when {@code rho < 1/4}; a rejected step grows it by 4 and stays put.
 */
public final class HessianFree {
    private static final double TOLERANCE = 1e-8;
    private final Function<Tensor, Scalar> loss;
    private final int maxCgSteps;
    private double damping;

    /**
     * What one iteration did.
     *
     * @param theta the parameters after it (the same as before if the step was rejected)
     * @param lossBefore the loss before it
     * @param loss the loss after it
     * @param damping the damping it used
     * @param products the Hessian-vector products it took (conjugate gradient's, and one for the model)
     * @param ratio the actual decrease over the model's ({@code rho}); NaN if the model predicted none
     * @param accepted whether the step was taken
     */
    public record Iteration(double[] theta, double lossBefore, double loss, double damping, int products, double ratio,
                            boolean accepted) {}

    /**
     * A method minimising {@code loss} (given the parameters as one tensor, it records the loss on that
     * tensor's tape).
     *
     * @param damping the initial {@code lambda}, positive
     * @param maxCgSteps the most Hessian-vector products per iteration, positive
     */
    public HessianFree(Function<Tensor, Scalar> loss, double damping, int maxCgSteps) {
        this.loss = Objects.requireNonNull(loss, "HessianFree: loss");
        checkArgument(damping > 0 && Double.isFinite(damping), "HessianFree: damping must be positive, got %s", damping);
        checkArgument(maxCgSteps > 0, "HessianFree: maxCgSteps must be positive, got %s", maxCgSteps);
        this.damping = damping;
        this.maxCgSteps = maxCgSteps;
    }

    /** The damping the next iteration will use. */
    public double damping() {
        return damping;
    }

    /** One iteration from {@code theta}; does not modify {@code theta}. */
    public Iteration step(double[] theta) {
        Curvature c = new Curvature(loss, theta);
        double[] g = c.gradient();
        int n = g.length;
        double[] minusG = new double[n];
        for (int i = 0; i < n; i++) {
            minusG[i] = -g[i];
        }
        double lambda = damping;
        ConjugateGradient.Result cg = ConjugateGradient.solve(v -> {
            double[] hv = c.times(v);
            for (int i = 0; i < n; i++) {
                hv[i] += lambda * v[i];
            }
            return hv;
        }, minusG, maxCgSteps, TOLERANCE);
        double[] d = cg.d();
        double[] hd = c.times(d);
        double model = ConjugateGradient.dot(g, d) + 0.5 * ConjugateGradient.dot(d, hd);
        double[] next = theta.clone();
        for (int i = 0; i < n; i++) {
            next[i] += d[i];
        }
        double after = new Curvature(loss, next).loss();
        double ratio = model < 0 ? (after - c.loss()) / model : Double.NaN;
        boolean accepted = after < c.loss();
        if (!accepted) {
            damping *= 4;
        } else if (ratio > 0.75) {
            damping *= 2.0 / 3;
        } else if (!(ratio >= 0.25)) {
            damping *= 1.5;
        }
        return new Iteration(accepted ? next : theta.clone(), c.loss(), accepted ? after : c.loss(), lambda,
                c.products(), ratio, accepted);
    }
}
