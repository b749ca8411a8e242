package dev.tapegrad.autograd.check;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Node;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Checks a function's gradients from the tape against central finite differences,
 * {@code (f(x + eps) - f(x - eps)) / 2 eps}, element by element and for every output element, with
 * PyTorch's {@code gradcheck} defaults: eps 1e-6, atol 1e-5, rtol 1e-3. A derivative passes when
 * {@code |analytic - numeric| <= atol + rtol |numeric|}. Immutable: each setter returns a new checker.
 *
 * <pre>{@code
 * GradCheck.Report r = GradCheck.check(t -> t.sigmoid().sum(), 0.5, -1.0, 2.0);
 * assertTrue(r.passed(), r::describe);
 * }</pre>
 */
public final class GradCheck {
    private static final GradCheck DEFAULTS = new GradCheck(1e-6, 1e-5, 1e-3);

    private final double eps;
    private final double atol;
    private final double rtol;

    private GradCheck(double eps, double atol, double rtol) {
        this.eps = eps;
        this.atol = atol;
        this.rtol = rtol;
    }

    /** A checker with PyTorch's defaults (eps 1e-6, atol 1e-5, rtol 1e-3). */
    public static GradCheck withDefaults() {
        return DEFAULTS;
    }

    /** A checker with this finite-difference step. */
    public GradCheck eps(double eps) {
        checkArgument(eps > 0 && Double.isFinite(eps), "gradcheck: eps must be positive and finite, got %s", eps);
        return new GradCheck(eps, atol, rtol);
    }

    /** A checker with this absolute tolerance. */
    public GradCheck atol(double atol) {
        checkArgument(atol >= 0, "gradcheck: atol must be >= 0, got %s", atol);
        return new GradCheck(eps, atol, rtol);
    }

    /** A checker with this relative tolerance. */
    public GradCheck rtol(double rtol) {
        checkArgument(rtol >= 0, "gradcheck: rtol must be >= 0, got %s", rtol);
        return new GradCheck(eps, atol, rtol);
    }

    /** One input of a checked function: its shape and values (not modified). */
    public record Input(Shape shape, double[] values) {
        /** Checks that the values fill the shape. */
        public Input {
            Objects.requireNonNull(shape, "shape");
            Objects.requireNonNull(values, "values");
            checkArgument(values.length == shape.size(), "gradcheck: shape %s needs %s values, got %s",
                    shape, shape.size(), values.length);
        }

        /** An input of this shape and these values. */
        public static Input of(Shape shape, double... values) {
            return new Input(shape, values);
        }
    }

    /** Checks {@code f} of one vector input {@code x} (shape {@code [n]}) with the default settings. */
    public static Report check(Function<Tensor, ? extends Node> f, double... x) {
        Objects.requireNonNull(x, "gradcheck: x");
        return DEFAULTS.check(f, Shape.of(x.length), x);
    }

    /** Checks {@code f} of several inputs with the default settings; see {@link #checkAll(Function, List)}. */
    public static Report checkAll(Function<List<Tensor>, ? extends Node> f, Input... inputs) {
        return DEFAULTS.checkAll(f, Arrays.asList(Objects.requireNonNull(inputs, "gradcheck: inputs")));
    }

    /** Checks {@code f} of one input of the given shape and values. */
    public Report check(Function<Tensor, ? extends Node> f, Shape shape, double... x) {
        Objects.requireNonNull(f, "f");
        return checkAll(ts -> f.apply(ts.get(0)), List.of(Input.of(shape, x)));
    }

    /**
     * Checks {@code f} of several inputs; {@code f} receives them as variables on a fresh tape.
     *
     * @throws IllegalArgumentException if the inputs have no elements: there would be no derivative to
     *     check, and an empty check must not pass
     */
    public Report checkAll(Function<List<Tensor>, ? extends Node> f, List<Input> inputs) {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(inputs, "gradcheck: inputs");
        checkArgument(!inputs.isEmpty(), "gradcheck: needs at least one input");
        List<Shape> shapes = new ArrayList<>();
        long elements = 0;
        for (int k = 0; k < inputs.size(); k++) {
            Input in = inputs.get(k);
            if (in == null) {
                throw new NullPointerException("gradcheck: input " + k + " is null");
            }
            shapes.add(in.shape());
            elements += in.values().length;
        }
        checkArgument(elements > 0, "gradcheck: the inputs %s have no elements, so there is no derivative to check; "
                + "pass at least one value, as in GradCheck.check(f, 0.5, -1.0)", shapes);
        Tape tape = new Tape();
        List<Tensor> vars = new ArrayList<>();
        for (Input in : inputs) {
            vars.add(tape.tensor(in.shape(), in.values()));
        }
        Node out = Objects.requireNonNull(f.apply(vars), "gradcheck: f returned null");
        int outputs = out.shape().size();
        double[][][] analytic = new double[outputs][][];
        for (int j = 0; j < outputs; j++) {
            double[] seed = new double[outputs];
            seed[j] = 1.0;
            Gradients g = out.asTensor().backward(seed);
            analytic[j] = new double[vars.size()][];
            for (int k = 0; k < vars.size(); k++) {
                analytic[j][k] = g.of(vars.get(k));
            }
        }
        List<Mismatch> bad = new ArrayList<>();
        int checked = 0;
        for (int k = 0; k < inputs.size(); k++) {
            for (int e = 0; e < inputs.get(k).values().length; e++) {
                double[] plus = evaluate(f, inputs, k, e, +eps);
                double[] minus = evaluate(f, inputs, k, e, -eps);
                for (int j = 0; j < outputs; j++) {
                    double numeric = (plus[j] - minus[j]) / (2 * eps);
                    double a = analytic[j][k][e];
                    checked++;
                    if (!close(a, numeric)) {
                        bad.add(new Mismatch(k, inputs.get(k).shape().unravel(e), j, numeric, a));
                    }
                }
            }
        }
        return new Report(checked, bad, eps, atol, rtol);
    }

    /**
     * PyTorch's {@code gradgradcheck} for one input with the default settings: see
     * {@link #checkSecondOrder(Function, Shape, double...)}.
     */
    public static Report checkSecondOrder(Function<Tensor, ? extends Node> f, double... x) {
        Objects.requireNonNull(x, "gradgradcheck: x");
        return DEFAULTS.checkSecondOrder(f, Shape.of(x.length), x);
    }

    /**
     * Checks {@code f}'s second derivatives (PyTorch's {@code gradgradcheck}): the recorded gradient
     * {@code u^T df/dx}, for a fixed direction {@code u} over {@code f}'s output, is itself checked
     * against central finite differences of its values, so every op's differentiable backward and the
     * backward of that are exercised.
     */
    public Report checkSecondOrder(Function<Tensor, ? extends Node> f, Shape shape, double... x) {
        Objects.requireNonNull(f, "f");
        return checkAllSecondOrder(ts -> f.apply(ts.get(0)), List.of(Input.of(shape, x)));
    }

    /** {@link #checkSecondOrder(Function, Shape, double...)} for several inputs: all their gradients, flattened and joined. */
    public Report checkAllSecondOrder(Function<List<Tensor>, ? extends Node> f, List<Input> inputs) {
        Objects.requireNonNull(f, "f");
        return checkAll(ts -> {
            Tensor y = Objects.requireNonNull(f.apply(ts), "gradgradcheck: f returned null").asTensor();
            double[] u = new double[y.shape().size()];
            for (int i = 0; i < u.length; i++) {
                u[i] = 1.0 - 0.375 * (i % 5); // a fixed direction with unequal entries, so no cancellation hides a term
            }
            Tensor seed = y.tape().constant(y.shape(), u);
            List<Tensor> grads = new ArrayList<>();
            for (Tensor t : ts) {
                grads.add(y.grad(t, seed).reshape(-1));
            }
            return grads.size() == 1 ? grads.get(0) : Tensor.concat(0, grads);
        }, inputs);
    }

    private boolean close(double analytic, double numeric) {
        if (Double.isNaN(analytic) || Double.isNaN(numeric) || Double.isInfinite(analytic) || Double.isInfinite(numeric)) {
            return Double.compare(analytic, numeric) == 0;
        }
        return Math.abs(analytic - numeric) <= atol + rtol * Math.abs(numeric);
    }

    private static double[] evaluate(Function<List<Tensor>, ? extends Node> f, List<Input> inputs, int k, int e, double h) {
        Tape tape = new Tape();
        List<Tensor> vars = new ArrayList<>();
        for (int q = 0; q < inputs.size(); q++) {
            double[] v = inputs.get(q).values().clone();
            if (q == k) {
                v[e] += h;
            }
            // Variables, not constants: a second-order check differentiates f inside the evaluation.
            vars.add(tape.tensor(inputs.get(q).shape(), v));
        }
        return f.apply(vars).values();
    }

    /**
     * One derivative that disagrees.
     *
     * @param input which input (0-based)
     * @param element the element's index within that input
     * @param output the output element (flat index; 0 for a scalar output)
     * @param numeric the finite-difference estimate
     * @param analytic the tape's value
     */
    public record Mismatch(int input, int[] element, int output, double numeric, double analytic) {
        @Override
        public String toString() {
            return String.format("input %d element %s (output element %d): numeric %.10g, analytic %.10g, diff %.3g",
                    input, Arrays.toString(element), output, numeric, analytic, Math.abs(numeric - analytic));
        }
    }

    /**
     * The outcome of a check: how many derivatives were compared and those that disagree.
     *
     * @param checked the number of derivatives compared
     * @param mismatches those outside the tolerance, in input and element order
     * @param eps the step used
     * @param atol the absolute tolerance used
     * @param rtol the relative tolerance used
     */
    public record Report(int checked, List<Mismatch> mismatches, double eps, double atol, double rtol) {
        /** Copies the mismatch list. */
        public Report {
            mismatches = List.copyOf(mismatches);
        }

        /** Whether every derivative agreed. */
        public boolean passed() {
            return mismatches.isEmpty();
        }

        /** A message for a person: the verdict and the first mismatches. */
        public String describe() {
            if (passed()) {
                return String.format("gradcheck passed: %d derivatives within atol %g + rtol %g", checked, atol, rtol);
            }
            StringBuilder sb = new StringBuilder(String.format(
                    "gradcheck failed: %d of %d derivatives differ from finite differences (eps %g, atol %g, rtol %g):",
                    mismatches.size(), checked, eps, atol, rtol));
            mismatches.stream().limit(10).forEach(m -> sb.append("\n  ").append(m));
            if (mismatches.size() > 10) {
                sb.append("\n  ... and ").append(mismatches.size() - 10).append(" more");
            }
            return sb.toString();
        }
    }
}
