package dev.tapegrad.autograd.check;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.NotDifferentiableException;
import dev.tapegrad.autograd.Recorded;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Checks each recorded op of a tape on its own: its backward against central finite differences of
 * its own forward, at the input values the tape recorded. Where {@link GradCheck} says that a
 * function's gradient is wrong, this says which op is to blame: the first one, in recording order,
 * whose derivative disagrees, at first order (its backward) or at second (the derivative of its
 * backward, from its differentiable {@link Op#vjp}). Each op is replayed on its own fresh tape
 * ({@link Replay}), through the tape's read-only view. Immutable: each setter returns a new checker.
 * Never modifies the tape.
 *
 * <p>For an op with several outputs the backward is given one random output gradient {@code v}
 * (seeded, so runs repeat) and compared with the finite difference of {@code v . f(x)}: one backward per
 * op instead of one per output element, and a wrong Jacobian entry still shows. Points where the op is
 * not differentiable (a kink of relu or abs, a tie in max), recognised by one-sided differences that
 * disagree, are skipped rather than reported, as are elements where the step leaves the op's domain
 * (its forward throws). The step is {@code eps}, times the element's magnitude when that is above 1.
 *
 * <pre>{@code
 * OpCheck.Report r = OpCheck.check(loss.tape());
 * assertTrue(r.passed(), r::describe);
 * }</pre>
 */
public final class OpCheck {
    private static final OpCheck DEFAULTS = new OpCheck(1e-6, 1e-5, 1e-3, 64, 0x7a9eL);

    private final double eps;
    private final double atol;
    private final double rtol;
    private final int maxElements;
    private final long seed;

    private OpCheck(double eps, double atol, double rtol, int maxElements, long seed) {
        this.eps = eps;
        this.atol = atol;
        this.rtol = rtol;
        this.maxElements = maxElements;
        this.seed = seed;
    }

    /** A checker with {@link GradCheck}'s defaults (eps 1e-6, atol 1e-5, rtol 1e-3), 64 elements per input. */
    public static OpCheck withDefaults() {
        return DEFAULTS;
    }

    /** Checks every op of {@code tape} with the default settings. */
    public static Report check(Tape tape) {
        return DEFAULTS.run(tape);
    }

    /** A checker with this finite-difference step. */
    public OpCheck eps(double eps) {
        checkArgument(eps > 0 && Double.isFinite(eps), "opcheck: eps must be positive and finite, got %s", eps);
        return new OpCheck(eps, atol, rtol, maxElements, seed);
    }

    /** A checker with this absolute tolerance. */
    public OpCheck atol(double atol) {
        checkArgument(atol >= 0, "opcheck: atol must be >= 0, got %s", atol);
        return new OpCheck(eps, atol, rtol, maxElements, seed);
    }

    /** A checker with this relative tolerance. */
    public OpCheck rtol(double rtol) {
        checkArgument(rtol >= 0, "opcheck: rtol must be >= 0, got %s", rtol);
        return new OpCheck(eps, atol, rtol, maxElements, seed);
    }

    /**
     * A checker that perturbs at most this many elements of each input (evenly spaced), which bounds
     * the cost on large tensors.
     */
    public OpCheck maxElements(int maxElements) {
        checkArgument(maxElements > 0, "opcheck: maxElements must be > 0, got %s", maxElements);
        return new OpCheck(eps, atol, rtol, maxElements, seed);
    }

    /** A checker drawing its random output gradients from this seed. */
    public OpCheck seed(long seed) {
        return new OpCheck(eps, atol, rtol, maxElements, seed);
    }

    /**
     * Checks every op recorded on {@code tape}, in recording order: first its backward against finite
     * differences of its forward, then (second order) the derivative of its differentiable backward
     * ({@link Op#vjp}) against finite differences of its numeric backward. An op that has only a
     * numeric backward is checked at first order only.
     */
    public Report run(Tape tape) {
        Objects.requireNonNull(tape, "tape");
        List<Failure> failures = new ArrayList<>();
        int ops = 0;
        int derivatives = 0;
        int skipped = 0;
        for (int order = 1; order <= 2; order++) {
            for (int i = 0; i < tape.size(); i++) {
                Recorded node = tape.node(i);
                if (node.isLeaf()) {
                    continue;
                }
                ops += order == 1 ? 1 : 0;
                Local local = order == 1 ? firstOrder(node) : secondOrder(node, i);
                int[] counts;
                try {
                    counts = checkNode(node, order, local, failures);
                } catch (NotDifferentiableException numericOnly) {
                    continue; // a custom op differentiable once: nothing to check at this order
                }
                derivatives += counts[0];
                skipped += counts[1];
            }
        }
        return new Report(ops, derivatives, skipped, failures, eps, atol, rtol);
    }

    /** A function of an op's inputs and its claimed gradient, as the check compares them. */
    private interface Local {
        /** The function's values at {@code x}. */
        double[] forward(double[][] x);

        /** The claimed vector-Jacobian product at the recorded inputs for output gradient {@code v}. */
        double[][] backward(double[] v);
    }

    private static Local firstOrder(Recorded node) {
        Replay r = new Replay(node);
        double[][] x0 = inputs(node);
        return new Local() {
            @Override
            public double[] forward(double[][] x) {
                return r.forward(x);
            }

            @Override
            public double[][] backward(double[] v) {
                return r.backward(x0, v);
            }
        };
    }

    /**
     * The op's numeric backward {@code b(x) = vjp(x, u)} for a fixed output gradient {@code u}, flattened
     * over its inputs, and its claimed derivative from the differentiable backward.
     */
    private Local secondOrder(Recorded node, int i) {
        Replay r = new Replay(node);
        double[][] x0 = inputs(node);
        double[] u = outputGradient(node.shape().size(), i + 7919);
        return new Local() {
            @Override
            public double[] forward(double[][] x) {
                double[][] g = r.backward(x, u);
                int n = 0;
                for (double[] gk : g) {
                    n += gk == null ? 0 : gk.length;
                }
                double[] flat = new double[n];
                int at = 0;
                for (double[] gk : g) {
                    if (gk != null) {
                        System.arraycopy(gk, 0, flat, at, gk.length);
                        at += gk.length;
                    }
                }
                return flat;
            }

            @Override
            public double[][] backward(double[] v) {
                double[][] w = new double[x0.length][];
                int at = 0;
                double[][] shape = r.backward(x0, u);
                for (int k = 0; k < w.length; k++) {
                    if (shape[k] != null) {
                        w[k] = java.util.Arrays.copyOfRange(v, at, at + shape[k].length);
                        at += shape[k].length;
                    }
                }
                return r.secondOrderGradient(x0, u, w);
            }
        };
    }

    private static double[][] inputs(Recorded node) {
        List<Recorded> in = node.inputs();
        double[][] x = new double[in.size()][];
        for (int k = 0; k < x.length; k++) {
            x[k] = in.get(k).values();
        }
        return x;
    }

    /** Returns {derivatives compared, derivatives skipped}; adds this node's mismatches to {@code failures}. */
    private int[] checkNode(Recorded node, int order, Local local, List<Failure> failures) {
        int i = node.index();
        double[][] x = inputs(node);
        double[] y = local.forward(x);
        double[] v = outputGradient(y.length, i);
        double[][] analytic = local.backward(v);
        int compared = 0;
        int skipped = 0;
        for (int k = 0; k < x.length; k++) {
            if (analytic == null || k >= analytic.length || analytic[k] == null) {
                continue;
            }
            for (int e : elements(x[k].length)) {
                // The step grows with the element: an absolute eps vanishes next to a weight of 1e300
                // and would make a correct derivative look wrong.
                double h = eps * Math.max(1.0, Math.abs(x[k][e]));
                if (x[k][e] + h == x[k][e] || !Double.isFinite(h)) {
                    skipped++;
                    continue;
                }
                double f0 = dot(v, y);
                double fp;
                double fm;
                double half;
                try {
                    fp = dot(v, local.forward(perturbed(x, k, e, h)));
                    fm = dot(v, local.forward(perturbed(x, k, e, -h)));
                    // A jump (the backward of abs at 0) has equal one-sided differences, but they double
                    // when the step halves.
                    half = (dot(v, local.forward(perturbed(x, k, e, h / 2)))
                            - dot(v, local.forward(perturbed(x, k, e, -h / 2)))) / h;
                } catch (NotDifferentiableException numericOnly) {
                    throw numericOnly;
                } catch (RuntimeException outsideDomain) {
                    skipped++; // a step leaves the op's domain (a probability above 1, say)
                    continue;
                }
                double numeric = (fp - fm) / (2 * h);
                double right = (fp - f0) / h;
                double left = (f0 - fm) / h;
                if (!Double.isFinite(numeric) || !close(right, left) || !close(numeric, half)) {
                    skipped++; // not differentiable here, or the forward leaves its domain
                    continue;
                }
                double a = analytic[k][e];
                // Rounding in v . f(x), whose terms may be far larger than this element's share,
                // hides any derivative error below about ulp(sum |v_i f_i|) / h: inconclusive here.
                if (Double.isFinite(a) && Math.abs(a - numeric) <= 64 * Math.ulp(absDot(v, y)) / h) {
                    if (!close(a, numeric)) {
                        skipped++;
                        continue;
                    }
                }
                compared++;
                if (!Double.isFinite(a) || !close(a, numeric)) {
                    failures.add(new Failure(i, node.opName(), node.inputShapes(), k,
                            node.inputs().get(k).shape().unravel(e), numeric, a, node.site(), order));
                }
            }
        }
        return new int[] {compared, skipped};
    }

    private boolean close(double a, double b) {
        return Math.abs(a - b) <= atol + rtol * Math.max(Math.abs(a), Math.abs(b));
    }

    private double[] outputGradient(int n, int node) {
        if (n == 1) {
            return new double[] {1.0};
        }
        SplittableRandom rng = new SplittableRandom(seed * 31 + node);
        double[] v = new double[n];
        for (int q = 0; q < n; q++) {
            v[q] = rng.nextDouble(-1.0, 1.0);
        }
        return v;
    }

    private int[] elements(int n) {
        if (n <= maxElements) {
            int[] all = new int[n];
            Arrays.setAll(all, q -> q);
            return all;
        }
        int[] some = new int[maxElements];
        Arrays.setAll(some, q -> (int) ((long) q * n / maxElements));
        return some;
    }

    private static double[][] perturbed(double[][] x, int k, int e, double h) {
        double[][] p = x.clone();
        p[k] = x[k].clone();
        p[k][e] += h;
        return p;
    }

    private static double absDot(double[] a, double[] b) {
        double s = 0;
        for (int q = 0; q < a.length; q++) {
            s += Math.abs(a[q] * b[q]);
        }
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int q = 0; q < a.length; q++) {
            s += a[q] * b[q];
        }
        return s;
    }

    /**
     * One op whose derivative disagrees with finite differences of its forward.
     *
     * @param node the op's node index on the tape
     * @param op the op's name
     * @param inputShapes its inputs' shapes
     * @param input which input's derivative disagrees
     * @param element the element of that input
     * @param numeric the finite-difference value of {@code v . f} for the output gradient {@code v}
     * @param analytic what the op's backward returned for it
     * @param site where the op was recorded, if the tape was in anomaly mode, else empty
     * @param order 1 when the backward disagrees with the forward, 2 when the derivative of the backward
     *     disagrees with the backward
     */
    public record Failure(int node, String op, List<Shape> inputShapes, int input, int[] element, double numeric,
            double analytic, String site, int order) {
        /** Copies the shape list. */
        public Failure {
            inputShapes = List.copyOf(inputShapes);
            element = element.clone();
        }

        @Override
        public String toString() {
            return String.format("%s (node #%d, input shapes %s): %s for input %d element %s is %.10g, "
                    + "finite differences give %.10g%s", op, node, inputShapes,
                    order == 1 ? "derivative" : "second derivative (of its backward)", input, Arrays.toString(element),
                    analytic, numeric, site.isEmpty() ? "" : "; recorded at " + site);
        }
    }

    /**
     * The outcome: how many ops and derivatives were compared, how many were skipped at points where the
     * op is not differentiable, and the mismatches in recording order.
     *
     * @param ops the number of ops checked
     * @param checked the number of derivatives compared
     * @param skipped the number of derivatives skipped (a kink, or a forward that is not finite nearby)
     * @param failures the mismatches, first op first
     * @param eps the step used
     * @param atol the absolute tolerance used
     * @param rtol the relative tolerance used
     */
    public record Report(int ops, int checked, int skipped, List<Failure> failures, double eps, double atol,
            double rtol) {
        /** Copies the failure list. */
        public Report {
            failures = List.copyOf(failures);
        }

        /** Whether every op's derivative agreed. */
        public boolean passed() {
            return failures.isEmpty();
        }

        /** The first op, in recording order, whose derivative disagrees. */
        public Optional<Failure> firstFailure() {
            return failures.stream().findFirst();
        }

        /** A message for a person: the verdict, and the first failing op with its numbers. */
        public String describe() {
            if (passed()) {
                return String.format("opcheck passed: %d derivatives of %d ops within atol %s + rtol %s (%d skipped)",
                        checked, ops, atol, rtol, skipped);
            }
            StringBuilder sb = new StringBuilder(String.format(
                    "opcheck failed: the derivative of %s disagrees with finite differences of its forward "
                            + "(eps %s, atol %s, rtol %s; %d of %d derivatives differ):",
                    failures.get(0).op(), eps, atol, rtol, failures.size(), checked));
            failures.stream().limit(5).forEach(f -> sb.append("\n  ").append(f));
            if (failures.size() > 5) {
                sb.append("\n  ... and ").append(failures.size() - 5).append(" more");
            }
            return sb.toString();
        }
    }
}
