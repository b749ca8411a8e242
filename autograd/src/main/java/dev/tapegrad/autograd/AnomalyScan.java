package dev.tapegrad.autograd;

import java.util.Arrays;
import java.util.Optional;

/**
 * Finds where a NaN or infinity came from: the forward check of one node, and the backward search for
 * the op whose derivative turned finite gradients into a non-finite one. Shared by anomaly mode (as
 * each node is recorded, after each backward) and by {@link Anomaly#find(Tape, Gradients)} afterwards.
 */
final class AnomalyScan {
    private AnomalyScan() {}

    /**
     * An anomaly if node {@code i} produced a NaN or infinity: an op whose inputs (and constant
     * operand) are all finite, or a variable holding one. A constant is never one (a {@code -inf} mask
     * is legitimate), nor is an op that only passes on a non-finite value it was given: the anomaly is
     * where the value first appeared.
     */
    static Optional<Anomaly> forward(Tape t, int i) {
        double[] y = t.valuesOf(i);
        int bad = TapeView.firstNonFinite(y);
        if (bad < 0 || TapeView.isConstant(t, i)) {
            return Optional.empty();
        }
        String detail;
        if (TapeView.isLeaf(t, i)) {
            detail = String.format("a %s holding %s (element %d) was put on the tape", TapeView.opName(t, i), y[bad], bad);
        } else {
            int[] in = TapeView.inputs(t, i);
            for (int k : in) {
                if (TapeView.nonFinite(t.valuesOf(k))) {
                    return Optional.empty();
                }
            }
            boolean hasConstant = TapeView.hasConstantOperand(t, i);
            if (hasConstant && !Double.isFinite(TapeView.constantOperand(t, i))) {
                return Optional.empty();
            }
            String operand = hasConstant ? " and constant " + TapeView.constantOperand(t, i) : "";
            detail = String.format("output element %d is %s from finite inputs%s%s", bad, y[bad], operand, inputSummary(t, in));
        }
        return Optional.of(new Anomaly(Anomaly.Phase.FORWARD, i, TapeView.opName(t, i), TapeView.inputShapes(t, i),
                site(t, i), detail));
    }

    /**
     * The op whose backward produced the first non-finite gradient of a sweep from {@code root}. The
     * sweep runs from high ids to low, so the highest node reached with a non-finite gradient is where
     * it first appeared: every node that consumes it has a finite gradient, and the consumer whose own
     * backward returns a non-finite contribution is the culprit.
     */
    static Optional<Anomaly> backward(Gradients g, int root) {
        Tape t = g.tape();
        boolean[] reached = TapeView.reaching(t, root);
        for (int i = root; i >= 0; i--) {
            if (!reached[i]) {
                continue;
            }
            double[] gi = TapeView.gradient(g, i);
            int bad = TapeView.firstNonFinite(gi);
            if (bad < 0) {
                continue;
            }
            if (i == root) {
                return Optional.of(new Anomaly(Anomaly.Phase.BACKWARD, i, TapeView.opName(t, i),
                        TapeView.inputShapes(t, i), site(t, i),
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
            if (!reached[j] || !t.requiresGrad(j)) {
                continue; // the sweep never runs the backward of a node that needs no gradient
            }
            int[] in = TapeView.inputs(t, j);
            for (int k = 0; k < in.length; k++) {
                if (in[k] != i) {
                    continue;
                }
                last = j;
                LocalOp local = new LocalOp(t, j);
                double[] gradOut = TapeView.gradient(g, j);
                double[][] gin = local.backward(gradOut);
                if (gin == null || k >= gin.length || gin[k] == null) {
                    continue;
                }
                int bad = TapeView.firstNonFinite(gin[k]);
                if (bad >= 0) {
                    String detail = String.format(
                            "its derivative gave %s for input %d element %d from a finite output gradient (%s)%s",
                            gin[k][bad], k, bad, summary(gradOut), inputSummary(t, in));
                    return new Anomaly(Anomaly.Phase.BACKWARD, j, TapeView.opName(t, j), TapeView.inputShapes(t, j),
                            site(t, j), detail);
                }
            }
        }
        // Each contribution is finite but their sum overflowed: name the node that received them.
        int at = last < 0 ? i : last;
        return new Anomaly(Anomaly.Phase.BACKWARD, at, TapeView.opName(t, at), TapeView.inputShapes(t, at), site(t, at),
                String.format("the gradient of node #%d (%s) summed to %s at element %d from finite contributions",
                        i, TapeView.opName(t, i), value, element));
    }

    /** The highest node with a non-zero or non-finite gradient: the output a backward started from. */
    static int inferRoot(Gradients g) {
        Tape t = g.tape();
        for (int i = t.size() - 1; i >= 0; i--) {
            for (double v : TapeView.gradient(g, i)) {
                if (v != 0.0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String site(Tape t, int i) {
        return t.anomaly == null ? "" : t.anomaly.site(i);
    }

    private static String inputSummary(Tape t, int[] in) {
        if (in.length == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder("; input values ");
        for (int k = 0; k < in.length; k++) {
            sb.append(k == 0 ? "" : ", ").append(summary(t.valuesOf(in[k])));
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
