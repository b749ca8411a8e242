package dev.tapegrad.autograd.debug;

import dev.tapegrad.autograd.Anomaly;
import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Recorded;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.check.Replay;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds where a NaN or infinity came from, after the fact on any tape or live in anomaly mode
 * ({@link Tape#detectAnomaly(boolean)} runs {@link #forwardAt} as each node is recorded and
 * {@link #backwardFrom} after each backward): in the forward pass, the first node whose value is not
 * finite; in the backward pass, the op whose derivative turned finite gradients into a non-finite one.
 * Uses the tape's public, read-only view; never modifies anything.
 */
public final class AnomalySearch {
    private AnomalySearch() {}

    /** The first node of the tape whose value is NaN or infinite. */
    public static Optional<Anomaly> findInForward(Tape tape) {
        Objects.requireNonNull(tape, "tape");
        for (int i = 0; i < tape.size(); i++) {
            Optional<Anomaly> a = forwardAt(tape, i);
            if (a.isPresent()) {
                return a;
            }
        }
        return Optional.empty();
    }

    /**
     * The op whose backward first turned a finite gradient into a NaN or infinity, scanning from the
     * output of these gradients down as the sweep ran. Assumes the forward values are finite (see
     * {@link #find(Tape, Gradients)}).
     */
    public static Optional<Anomaly> findInBackward(Gradients gradients) {
        Objects.requireNonNull(gradients, "gradients");
        int root = inferRoot(gradients);
        return root < 0 ? Optional.empty() : backwardFrom(gradients, root);
    }

    /**
     * The first anomaly of a computation: a non-finite forward value if there is one (it would poison
     * the gradients too), else one produced by a backward. {@code gradients} may be {@code null} to
     * look at the forward pass only.
     */
    public static Optional<Anomaly> find(Tape tape, Gradients gradients) {
        Optional<Anomaly> a = findInForward(tape);
        if (a.isPresent() || gradients == null) {
            return a;
        }
        if (gradients.tape() != tape) {
            throw new IllegalArgumentException("anomaly: the gradients belong to a different tape");
        }
        return findInBackward(gradients);
    }

    /**
     * An anomaly if node {@code i} produced a NaN or infinity: an op whose inputs (and constant
     * operand) are all finite, or a variable holding one. A constant is never one (a {@code -inf} mask
     * is legitimate), nor is an op that only passes on a non-finite value it was given: the anomaly is
     * where the value first appeared.
     */
    public static Optional<Anomaly> forwardAt(Tape t, int i) {
        Recorded r = t.node(i);
        double[] y = r.values();
        int bad = firstNonFinite(y);
        if (bad < 0 || (r.isLeaf() && !r.requiresGrad())) {
            return Optional.empty();
        }
        String detail;
        if (r.isLeaf()) {
            detail = String.format("a %s holding %s (element %d) was put on the tape", r.opName(), y[bad], bad);
        } else {
            List<Recorded> in = r.inputs();
            for (Recorded k : in) {
                if (nonFinite(k.values())) {
                    return Optional.empty();
                }
            }
            boolean hasConstant = r.constantOperand().isPresent();
            if (hasConstant && !Double.isFinite(r.constantOperand().getAsDouble())) {
                return Optional.empty();
            }
            String operand = hasConstant ? " and constant " + r.constantOperand().getAsDouble() : "";
            detail = String.format("output element %d is %s from finite inputs%s%s", bad, y[bad], operand, inputSummary(in));
        }
        return Optional.of(new Anomaly(Anomaly.Phase.FORWARD, i, r.opName(), r.inputShapes(), r.site(), detail));
    }

    /**
     * The op whose backward produced the first non-finite gradient of a sweep from {@code root}. The
     * sweep runs from high ids to low, so the highest node reached with a non-finite gradient is where
     * it first appeared: every node that consumes it has a finite gradient, and the consumer whose own
     * backward returns a non-finite contribution is the culprit.
     */
    public static Optional<Anomaly> backwardFrom(Gradients g, int root) {
        Tape t = g.tape();
        boolean[] reached = reaching(t, root);
        for (int i = root; i >= 0; i--) {
            if (!reached[i]) {
                continue;
            }
            Recorded r = t.node(i);
            double[] gi = g.gradientOf(r.node());
            int bad = firstNonFinite(gi);
            if (bad < 0) {
                continue;
            }
            if (i == root) {
                return Optional.of(new Anomaly(Anomaly.Phase.BACKWARD, i, r.opName(), r.inputShapes(), r.site(),
                        "the seed given to backward holds " + gi[bad] + " at element " + bad));
            }
            return Optional.of(blame(g, reached, i, bad, gi[bad], root));
        }
        return Optional.empty();
    }

    /** The consumer of node {@code i} whose backward sent it a non-finite gradient. */
    private static Anomaly blame(Gradients g, boolean[] reached, int i, int element, double value, int root) {
        Tape t = g.tape();
        int last = -1;
        for (int j = i + 1; j <= root; j++) {
            Recorded rj = t.node(j);
            if (!reached[j] || !rj.requiresGrad()) {
                continue; // the sweep never runs the backward of a node that needs no gradient
            }
            List<Recorded> in = rj.inputs();
            for (int k = 0; k < in.size(); k++) {
                if (in.get(k).index() != i) {
                    continue;
                }
                last = j;
                double[] gradOut = g.gradientOf(rj.node());
                double[][] gin = new Replay(rj).backward(recordedInputs(in), gradOut);
                if (gin[k] == null) {
                    continue;
                }
                int bad = firstNonFinite(gin[k]);
                if (bad >= 0) {
                    String detail = String.format(
                            "its derivative gave %s for input %d element %d from a finite output gradient (%s)%s",
                            gin[k][bad], k, bad, summary(gradOut), inputSummary(in));
                    return new Anomaly(Anomaly.Phase.BACKWARD, j, rj.opName(), rj.inputShapes(), rj.site(), detail);
                }
            }
        }
        // Each contribution is finite but their sum overflowed: name the node that received them.
        Recorded at = t.node(last < 0 ? i : last);
        return new Anomaly(Anomaly.Phase.BACKWARD, at.index(), at.opName(), at.inputShapes(), at.site(),
                String.format("the gradient of node #%d (%s) summed to %s at element %d from finite contributions",
                        i, t.node(i).opName(), value, element));
    }

    /** The highest node with a non-zero or non-finite gradient: the output a backward started from. */
    private static int inferRoot(Gradients g) {
        Tape t = g.tape();
        for (int i = t.size() - 1; i >= 0; i--) {
            for (double v : g.gradientOf(t.node(i).node())) {
                if (v != 0.0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The values of these nodes, one array each (copies). */
    static double[][] recordedInputs(List<Recorded> in) {
        double[][] x = new double[in.size()][];
        for (int k = 0; k < x.length; k++) {
            x[k] = in.get(k).values();
        }
        return x;
    }

    /**
     * Which nodes the output {@code root} depends on: the nodes its backward visits. One reverse pass
     * over recording order, which is topological.
     */
    static boolean[] reaching(Tape t, int root) {
        boolean[] hit = new boolean[root + 1];
        hit[root] = true;
        for (int i = root; i >= 0; i--) {
            if (hit[i]) {
                for (Recorded j : t.node(i).inputs()) {
                    hit[j.index()] = true;
                }
            }
        }
        return hit;
    }

    /** Whether any element is NaN or infinite. */
    static boolean nonFinite(double[] x) {
        return firstNonFinite(x) >= 0;
    }

    /** The first element that is NaN or infinite, or -1 when all are finite. */
    static int firstNonFinite(double[] x) {
        for (int k = 0; k < x.length; k++) {
            if (!Double.isFinite(x[k])) {
                return k;
            }
        }
        return -1;
    }

    private static String inputSummary(List<Recorded> in) {
        if (in.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("; input values ");
        for (int k = 0; k < in.size(); k++) {
            sb.append(k == 0 ? "" : ", ").append(summary(in.get(k).values()));
        }
        return sb.toString();
    }

    /** The values themselves when few, else their count and range. */
    static String summary(double[] x) {
        if (x.length <= 6) {
            return x.length == 1 ? Double.toString(x[0]) : Arrays.toString(x);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return String.format("%d values in [%.4g, %.4g]", x.length, lo, hi);
    }
}
