package dev.tapegrad.nn;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Scalar;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Limited-memory BFGS with PyTorch's {@code torch.optim.LBFGS} semantics: full batch, one
 * {@link #step(Closure)} runs up to {@code maxIter} iterations, re-evaluating the closure (the loss on
 * a new tape) as often as the line search needs. With gradient {@code g} and the last {@code m} steps
 * {@code s_i} and gradient changes {@code y_i} (kept only when {@code y_i's_i > 1e-10}):
 * <pre>
 *   d = -H g     (two-loop recursion; H starts as (y's / y'y) I from the newest pair)
 *   t = min(1, 1 / |g|_1) * lr    on the very first iteration, lr afterwards
 *   p = p + t d  (t from the strong-Wolfe line search when it is on)
 * </pre>
 * An iteration stops the step early when {@code max|g| <= toleranceGrad}, when {@code g'd > -toleranceChange},
 * when {@code max|t d|} or the loss change falls to {@code toleranceChange}, or when {@code maxEval}
 * evaluations are spent. The history carries over from step to step. The parameters are viewed as one
 * flat vector, in list order.
 *
 * <pre>{@code
 * Lbfgs lbfgs = Lbfgs.builder(net.parameters()).lineSearch(Lbfgs.LineSearch.STRONG_WOLFE).build();
 * for (int i = 0; i < 10; i++) {
 *     lbfgs.step(() -> Loss.mse(net.forward(new Tape().constant(shape, x)), ...));
 * }
 * }</pre>
 */
public final class Lbfgs {
    private final Parameter[] params;
    private final List<Parameter> paramList;
    private final int numel;
    private final double lr;
    private final int maxIter;
    private final int maxEval;
    private final double toleranceGrad;
    private final double toleranceChange;
    private final int historySize;
    private final LineSearch lineSearch;
    private final Deque<double[]> oldDirs = new ArrayDeque<>();
    private final Deque<double[]> oldSteps = new ArrayDeque<>();
    private final Deque<Double> ro = new ArrayDeque<>();
    private double[] d;
    private double t;
    private double hDiag = 1;
    private double[] prevFlatGrad;
    private double prevLoss;
    private long iterations;
    private long evaluations;

    /** The loss at the current parameters, recorded on a new tape with the parameters on it. */
    @FunctionalInterface
    public interface Closure {
        /** Builds a new tape, puts the parameters on it and returns the loss; changes no parameter. */
        Scalar evaluate();
    }

    /**
     * The loss and its gradient at the current parameters, computed by any means (such as summed over
     * a cluster): for an objective that is not one tape's {@link Scalar}.
     */
    @FunctionalInterface
    public interface GradientClosure {
        /**
         * Writes the gradient with respect to the parameters, flattened in list order, into
         * {@code gradient} (its length is the total parameter count, its contents zero) and returns the
         * loss; changes no parameter.
         */
        double evaluate(double[] gradient);
    }

    /** How the step length is chosen (PyTorch's {@code line_search_fn}). */
    public enum LineSearch {
        /** A fixed step: the learning rate ({@code line_search_fn=None}). */
        NONE,
        /** A step satisfying the strong Wolfe conditions ({@code line_search_fn="strong_wolfe"}). */
        STRONG_WOLFE
    }

    private Lbfgs(Builder b) {
        this.paramList = b.params;
        this.params = b.params.toArray(new Parameter[0]);
        int total = 0;
        for (Parameter p : params) {
            total += p.size();
        }
        this.numel = total;
        this.lr = b.lr;
        this.maxIter = b.maxIter;
        this.maxEval = b.maxEvalSet ? b.maxEval : b.maxIter * 5 / 4;
        this.toleranceGrad = b.toleranceGrad;
        this.toleranceChange = b.toleranceChange;
        this.historySize = b.historySize;
        this.lineSearch = b.lineSearch;
    }

    /** A builder for L-BFGS over these parameters (typically {@code model.parameters()}). */
    public static Builder builder(List<Parameter> parameters) {
        return new Builder(parameters);
    }

    /**
     * Runs one optimization step (up to {@code maxIter} iterations) on the loss {@code closure}
     * records; returns the loss before the step, from the closure's first evaluation.
     */
    public double step(Closure closure) {
        Objects.requireNonNull(closure, "Lbfgs: closure");
        return step((GradientClosure) gradient -> {
            Scalar loss = Objects.requireNonNull(closure.evaluate(), "Lbfgs: the closure returned null");
            Gradients g = loss.backward();
            int offset = 0;
            for (Parameter p : params) {
                System.arraycopy(g.of(p), 0, gradient, offset, p.size());
                offset += p.size();
            }
            return loss.value();
        });
    }

    /** As {@link #step(Closure)}, for a closure that computes the loss and flat gradient itself. */
    public double step(GradientClosure closure) {
        Objects.requireNonNull(closure, "Lbfgs: closure");
        LbfgsLineSearch.Point first = evaluate(closure);
        double origLoss = first.loss();
        double loss = origLoss;
        double[] flatGrad = first.gradient();
        int currentEvals = 1;
        if (LbfgsVectors.maxAbs(flatGrad) <= toleranceGrad) {
            return origLoss;
        }
        int nIter = 0;
        while (nIter < maxIter) {
            nIter++;
            iterations++;
            if (iterations == 1) {
                d = LbfgsVectors.negate(flatGrad);
                oldDirs.clear();
                oldSteps.clear();
                ro.clear();
                hDiag = 1;
            } else {
                updateHistory(flatGrad);
                d = direction(flatGrad);
            }
            prevFlatGrad = flatGrad.clone();
            prevLoss = loss;
            t = iterations == 1 ? Math.min(1.0, 1.0 / LbfgsVectors.sumAbs(flatGrad)) * lr : lr;
            double gtd = LbfgsVectors.dot(flatGrad, d);
            if (gtd > -toleranceChange) {
                break;
            }
            int lsEvals = 0;
            boolean optimal = false;
            if (lineSearch == LineSearch.STRONG_WOLFE) {
                double[] x = flatParams();
                double[] dir = d;
                LbfgsLineSearch.Result r = LbfgsLineSearch.strongWolfe(step -> {
                    addToParams(step, dir);
                    LbfgsLineSearch.Point p = evaluate(closure);
                    setParams(x);
                    return p;
                }, t, d, loss, flatGrad, gtd);
                loss = r.loss();
                flatGrad = r.gradient();
                t = r.step();
                lsEvals = r.evaluations();
                addToParams(t, d);
                optimal = LbfgsVectors.maxAbs(flatGrad) <= toleranceGrad;
            } else {
                addToParams(t, d);
                if (nIter != maxIter) {
                    LbfgsLineSearch.Point p = evaluate(closure);
                    loss = p.loss();
                    flatGrad = p.gradient();
                    optimal = LbfgsVectors.maxAbs(flatGrad) <= toleranceGrad;
                    lsEvals = 1;
                }
            }
            currentEvals += lsEvals;
            if (nIter == maxIter || currentEvals >= maxEval || optimal
                    || LbfgsVectors.maxAbsScaled(d, t) <= toleranceChange
                    || Math.abs(loss - prevLoss) < toleranceChange) {
                break;
            }
        }
        return origLoss;
    }

    /** Adds the newest curvature pair {@code (y, s)} when it keeps the inverse Hessian positive definite. */
    private void updateHistory(double[] flatGrad) {
        double[] y = new double[numel];
        double[] s = new double[numel];
        for (int i = 0; i < numel; i++) {
            y[i] = flatGrad[i] - prevFlatGrad[i];
            s[i] = d[i] * t;
        }
        double ys = LbfgsVectors.dot(y, s);
        if (ys > 1e-10) {
            if (oldDirs.size() == historySize) {
                oldDirs.removeFirst();
                oldSteps.removeFirst();
                ro.removeFirst();
            }
            oldDirs.addLast(y);
            oldSteps.addLast(s);
            ro.addLast(1.0 / ys);
            hDiag = ys / LbfgsVectors.dot(y, y);
        }
    }

    /** The two-loop recursion: {@code -H g} from the stored pairs, newest first then oldest first. */
    private double[] direction(double[] flatGrad) {
        int m = oldDirs.size();
        double[][] ys = oldDirs.toArray(new double[0][]);
        double[][] ss = oldSteps.toArray(new double[0][]);
        double[] rho = new double[m];
        Iterator<Double> it = ro.iterator();
        for (int i = 0; i < m; i++) {
            rho[i] = it.next();
        }
        double[] al = new double[m];
        double[] q = LbfgsVectors.negate(flatGrad);
        for (int i = m - 1; i >= 0; i--) {
            al[i] = LbfgsVectors.dot(ss[i], q) * rho[i];
            LbfgsVectors.axpy(-al[i], ys[i], q);
        }
        double[] r = new double[numel];
        for (int i = 0; i < numel; i++) {
            r[i] = q[i] * hDiag;
        }
        for (int i = 0; i < m; i++) {
            double be = LbfgsVectors.dot(ys[i], r) * rho[i];
            LbfgsVectors.axpy(al[i] - be, ss[i], r);
        }
        return r;
    }

    private LbfgsLineSearch.Point evaluate(GradientClosure closure) {
        double[] g = new double[numel];
        double loss = closure.evaluate(g);
        evaluations++;
        return new LbfgsLineSearch.Point(loss, g);
    }

    private double[] flatParams() {
        double[] x = new double[numel];
        int offset = 0;
        for (Parameter p : params) {
            System.arraycopy(p.data(), 0, x, offset, p.size());
            offset += p.size();
        }
        return x;
    }

    private void setParams(double[] x) {
        int offset = 0;
        for (Parameter p : params) {
            System.arraycopy(x, offset, p.data(), 0, p.size());
            offset += p.size();
        }
    }

    /** {@code p = p + step * update}, over the flat view of the parameters. */
    private void addToParams(double step, double[] update) {
        int offset = 0;
        for (Parameter p : params) {
            double[] data = p.data();
            for (int i = 0; i < data.length; i++) {
                data[i] += step * update[offset + i];
            }
            offset += data.length;
        }
    }

    /** The parameters this optimizer updates, in the order it was given them; unmodifiable. */
    public List<Parameter> parameters() {
        return paramList;
    }

    /** The iterations run over all steps so far (PyTorch's {@code state['n_iter']}). */
    public long iterations() {
        return iterations;
    }

    /** The closure evaluations over all steps so far (PyTorch's {@code state['func_evals']}). */
    public long evaluations() {
        return evaluations;
    }

    /** Settings for {@link Lbfgs}, PyTorch's defaults unless set; checked by {@link #build()}. */
    public static final class Builder {
        private final List<Parameter> params;
        private double lr = 1;
        private int maxIter = 20;
        private int maxEval;
        private boolean maxEvalSet;
        private double toleranceGrad = 1e-7;
        private double toleranceChange = 1e-9;
        private int historySize = 100;
        private LineSearch lineSearch = LineSearch.NONE;

        private Builder(List<Parameter> parameters) {
            this.params = Sgd.checkParameters("Lbfgs", parameters);
        }

        /** The learning rate (the step length without a line search, the first trial step with one); default 1. */
        public Builder learningRate(double lr) {
            this.lr = lr;
            return this;
        }

        /** The most iterations per {@link Lbfgs#step}, at least 1; default 20. */
        public Builder maxIter(int maxIter) {
            this.maxIter = maxIter;
            return this;
        }

        /** The most closure evaluations per step, at least 1; default {@code maxIter * 5 / 4}. */
        public Builder maxEval(int maxEval) {
            this.maxEval = maxEval;
            this.maxEvalSet = true;
            return this;
        }

        /** Stop when the largest gradient component is at most this, at least 0; default 1e-7. */
        public Builder toleranceGrad(double toleranceGrad) {
            this.toleranceGrad = toleranceGrad;
            return this;
        }

        /** Stop when a step or the loss changes by at most this, at least 0; default 1e-9. */
        public Builder toleranceChange(double toleranceChange) {
            this.toleranceChange = toleranceChange;
            return this;
        }

        /** The number of curvature pairs kept, at least 1; default 100. */
        public Builder historySize(int historySize) {
            this.historySize = historySize;
            return this;
        }

        /** The line search; default {@link LineSearch#NONE}. */
        public Builder lineSearch(LineSearch lineSearch) {
            this.lineSearch = Objects.requireNonNull(lineSearch, "Lbfgs: line search");
            return this;
        }

        /**
         * The optimizer.
         *
         * @throws IllegalArgumentException naming the setting and its value if one is invalid
         */
        public Lbfgs build() {
            Sgd.checkLearningRate("Lbfgs", lr);
            checkArgument(maxIter > 0, "Lbfgs: max iterations must be at least 1, got %s", maxIter);
            checkArgument(!maxEvalSet || maxEval > 0, "Lbfgs: max evaluations must be at least 1, got %s", maxEval);
            checkArgument(toleranceGrad >= 0 && Double.isFinite(toleranceGrad),
                    "Lbfgs: gradient tolerance must be finite and >= 0, got %s", toleranceGrad);
            checkArgument(toleranceChange >= 0 && Double.isFinite(toleranceChange),
                    "Lbfgs: change tolerance must be finite and >= 0, got %s", toleranceChange);
            checkArgument(historySize > 0, "Lbfgs: history size must be at least 1, got %s", historySize);
            return new Lbfgs(this);
        }
    }
}
