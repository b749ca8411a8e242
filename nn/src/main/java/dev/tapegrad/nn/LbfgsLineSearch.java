package dev.tapegrad.nn;

/**
 * The strong-Wolfe line search that {@link Lbfgs} uses, as {@code torch.optim.LBFGS} runs it: a
 * bracketing phase that grows the step by cubic interpolation (between 1.01 and 10 times the last
 * step) until it brackets a point of sufficient decrease, then a zoom phase that shrinks the bracket
 * by safeguarded cubic interpolation until the strong Wolfe conditions hold
 * ({@code f(t) <= f(0) + c1 t g'd} and {@code |g(t)'d| <= c2 |g(0)'d|}, with {@code c1 = 1e-4},
 * {@code c2 = 0.9}), at most 25 evaluations in all.
 */
final class LbfgsLineSearch {
    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;
    private static final double TOLERANCE_CHANGE = 1e-9;
    private static final int MAX_LS = 25;

    private LbfgsLineSearch() {}

    /** The loss and flat gradient at {@code x + t d}; the parameters are left at {@code x}. */
    @FunctionalInterface
    interface Directional {
        Point at(double t);
    }

    /** A loss and its flat gradient at one step length. */
    record Point(double loss, double[] gradient) {}

    /** The step length chosen, the loss and gradient there, and how many evaluations it took. */
    record Result(double step, double loss, double[] gradient, int evaluations) {}

    /**
     * Searches along {@code d} from the point with loss {@code f}, gradient {@code g} and directional
     * derivative {@code gtd}, starting at step {@code t}. Reads but never modifies {@code d} and
     * {@code g}.
     */
    static Result strongWolfe(Directional obj, double t, double[] d, double f, double[] g, double gtd) {
        double dNorm = LbfgsVectors.maxAbs(d);
        Point next = obj.at(t);
        int evals = 1;
        double fNew = next.loss();
        double[] gNew = next.gradient();
        double gtdNew = LbfgsVectors.dot(gNew, d);
        double tPrev = 0;
        double fPrev = f;
        double[] gPrev = g;
        double gtdPrev = gtd;
        boolean done = false;
        int lsIter = 0;
        double[] bracket = null;
        double[] bracketF = null;
        double[][] bracketG = null;
        double[] bracketGtd = null;
        while (lsIter < MAX_LS) {
            boolean sufficientDecrease = !(fNew > f + C1 * t * gtd || (lsIter > 1 && fNew >= fPrev));
            boolean curvature = Math.abs(gtdNew) <= -C2 * gtd;
            if (sufficientDecrease && curvature) {
                bracket = new double[] {t};
                bracketF = new double[] {fNew};
                bracketG = new double[][] {gNew};
                done = true;
                break;
            }
            if (!sufficientDecrease || gtdNew >= 0) {
                bracket = new double[] {tPrev, t};
                bracketF = new double[] {fPrev, fNew};
                bracketG = new double[][] {gPrev, gNew};
                bracketGtd = new double[] {gtdPrev, gtdNew};
                break;
            }
            double minStep = t + 0.01 * (t - tPrev);
            double maxStep = t * 10;
            double tmp = t;
            t = cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, minStep, maxStep);
            tPrev = tmp;
            fPrev = fNew;
            gPrev = gNew;
            gtdPrev = gtdNew;
            next = obj.at(t);
            evals++;
            fNew = next.loss();
            gNew = next.gradient();
            gtdNew = LbfgsVectors.dot(gNew, d);
            lsIter++;
        }
        if (lsIter == MAX_LS) {
            bracket = new double[] {0, t};
            bracketF = new double[] {f, fNew};
            bracketG = new double[][] {g, gNew};
        }
        boolean insufficientProgress = false;
        int low = bracketF[0] <= bracketF[bracketF.length - 1] ? 0 : 1;
        int high = 1 - low;
        while (!done && lsIter < MAX_LS) {
            if (Math.abs(bracket[1] - bracket[0]) * dNorm < TOLERANCE_CHANGE) {
                break;
            }
            double lo = Math.min(bracket[0], bracket[1]);
            double hi = Math.max(bracket[0], bracket[1]);
            t = cubicInterpolate(bracket[0], bracketF[0], bracketGtd[0], bracket[1], bracketF[1], bracketGtd[1],
                    lo, hi);
            // Keep away from the bracket's ends: a step there makes no progress.
            double eps = 0.1 * (hi - lo);
            if (Math.min(hi - t, t - lo) < eps) {
                if (insufficientProgress || t >= hi || t <= lo) {
                    t = Math.abs(t - hi) < Math.abs(t - lo) ? hi - eps : lo + eps;
                    insufficientProgress = false;
                } else {
                    insufficientProgress = true;
                }
            } else {
                insufficientProgress = false;
            }
            next = obj.at(t);
            evals++;
            fNew = next.loss();
            gNew = next.gradient();
            gtdNew = LbfgsVectors.dot(gNew, d);
            lsIter++;
            if (fNew > f + C1 * t * gtd || fNew >= bracketF[low]) {
                bracket[high] = t;
                bracketF[high] = fNew;
                bracketG[high] = gNew;
                bracketGtd[high] = gtdNew;
                low = bracketF[0] <= bracketF[1] ? 0 : 1;
                high = 1 - low;
            } else {
                if (Math.abs(gtdNew) <= -C2 * gtd) {
                    done = true;
                } else if (gtdNew * (bracket[high] - bracket[low]) >= 0) {
                    bracket[high] = bracket[low];
                    bracketF[high] = bracketF[low];
                    bracketG[high] = bracketG[low];
                    bracketGtd[high] = bracketGtd[low];
                }
                bracket[low] = t;
                bracketF[low] = fNew;
                bracketG[low] = gNew;
                bracketGtd[low] = gtdNew;
            }
        }
        return new Result(bracket[low], bracketF[low], bracketG[low], evals);
    }

    /**
     * The minimiser of the cubic through {@code (x1, f1)} and {@code (x2, f2)} with slopes {@code g1}
     * and {@code g2}, clamped to {@code [lo, hi]}; the middle of that interval if the cubic has no
     * minimum.
     */
    static double cubicInterpolate(double x1, double f1, double g1, double x2, double f2, double g2,
            double lo, double hi) {
        double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
        double d2Square = d1 * d1 - g1 * g2;
        if (d2Square >= 0) {
            double d2 = Math.sqrt(d2Square);
            double minPos = x1 <= x2
                    ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
                    : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
            return Math.min(Math.max(minPos, lo), hi);
        }
        return (lo + hi) / 2;
    }
}
