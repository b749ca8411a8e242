package dev.tapegrad.examples.newton;

import java.util.function.UnaryOperator;

/**
 * Conjugate gradient for {@code A d = b} with {@code A} known only through products {@code A z}, as
 * Hessian-free Newton uses it: it stops early at a small residual, at a step budget, or where
 * {@code A} shows non-positive curvature along a search direction (then it returns the iterate reached
 * so far, which still decreases the quadratic model, or {@code b} itself if that happens on the first
 * direction).
 */
final class ConjugateGradient {
    private ConjugateGradient() {}

    /**
     * The approximate solution and how it was found.
     *
     * @param d the solution
     * @param steps how many products with {@code A} were taken
     * @param negativeCurvature whether it stopped at a direction of non-positive curvature
     */
    record Result(double[] d, int steps, boolean negativeCurvature) {}

    /**
     * Solves {@code A d = b} from {@code d = 0}. Does not modify {@code b}.
     *
     * @param a the product {@code z -> A z}
     * @param maxSteps the most products to take
     * @param tolerance stop once {@code |b - A d| <= tolerance |b|}
     */
    static Result solve(UnaryOperator<double[]> a, double[] b, int maxSteps, double tolerance) {
        int n = b.length;
        double[] d = new double[n];
        double[] r = b.clone();
        double[] z = b.clone();
        double rr = dot(r, r);
        double stop = tolerance * tolerance * rr;
        int steps = 0;
        while (steps < maxSteps && rr > stop) {
            double[] az = a.apply(z);
            steps++;
            double curvature = dot(z, az);
            if (!(curvature > 0)) {
                return new Result(steps == 1 ? b.clone() : d, steps, true);
            }
            double alpha = rr / curvature;
            for (int i = 0; i < n; i++) {
                d[i] += alpha * z[i];
                r[i] -= alpha * az[i];
            }
            double next = dot(r, r);
            double beta = next / rr;
            rr = next;
            for (int i = 0; i < n; i++) {
                z[i] = r[i] + beta * z[i];
            }
        }
        return new Result(d, steps, false);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
