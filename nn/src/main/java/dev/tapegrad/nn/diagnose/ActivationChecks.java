package dev.tapegrad.nn.diagnose;

import static dev.tapegrad.nn.diagnose.Stats.fmt;
import static dev.tapegrad.nn.diagnose.Stats.pct;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the layers' outputs show: an output that does not vary across the batch, saturated sigmoid and
 * tanh units (derivative below 0.01), and dead ReLU units.
 */
final class ActivationChecks {
    /** Output spread below this share of the targets' spread counts as constant. */
    static final double CONSTANT_SPREAD = 0.1;
    /** A unit whose derivative is below this is saturated. */
    static final double SATURATED_DERIVATIVE = 0.01;
    /**
     * A hidden layer with at least this share of saturated unit-samples is a problem. Trained sigmoid
     * networks that are learning well often have half their hidden unit-samples saturated.
     */
    static final double SATURATED_SHARE = 0.8;

    private ActivationChecks() {}

    /**
     * Saturated sigmoid and tanh units and dead ReLU units, per layer, going by the op that produced
     * each layer's output (so a user's own activation layer counts).
     */
    static void units(Context c, List<Finding> out) {
        List<Probe.Step> steps = c.probe.steps;
        for (int k = 0; k < steps.size(); k++) {
            Probe.Step s = steps.get(k);
            boolean last = k == steps.size() - 1;
            switch (s.activation()) {
                case "sigmoid", "tanh" -> saturation(c, s, last, out);
                case "relu" -> dead(c, s, out);
                default -> { }
            }
        }
    }

    /**
     * An output that does not vary across the batch, said in the words people use for it, with the
     * range and, beside it, the cause another check found. Runs after those checks.
     */
    static void constantOutput(Context c, List<Finding> out) {
        int n = c.probe.output.shape().rank() == 0 ? 1 : c.probe.output.shape().dim(0);
        int w = c.probe.output.shape().size() / Math.max(n, 1);
        double[] p = c.probe.output.values();
        double[] t = c.probe.target.values();
        if (n < 2 || p.length != t.length || c.lossIsLow()) {
            return;
        }
        double spread = Stats.meanColumnStd(p, n, w);
        double targetSpread = Stats.meanColumnStd(t, n, w);
        if (targetSpread == 0 || spread / targetSpread >= CONSTANT_SPREAD) {
            return;
        }
        c.constantOutput = true;
        double lo = Arrays.stream(p).min().orElse(Double.NaN);
        double hi = Arrays.stream(p).max().orElse(Double.NaN);
        String symptom = String.format("The network gives nearly the same output for every input: from %s to %s "
                + "across the %d samples (spread %s, std %s, %s of the targets' std %s); mean output %s, "
                + "mean target %s.",
                fmt3(lo), fmt3(hi), n, fmt3(hi - lo), fmt(spread), pct(spread / targetSpread), fmt(targetSpread),
                fmt(Stats.mean(p)), fmt(Stats.mean(t)));
        String cause = cause(c);
        if (cause != null) {
            out.add(Finding.warning(Finding.Kind.CONSTANT_OUTPUT, symptom + " Cause: " + cause));
            return;
        }
        if (!c.trend.judged()) {
            out.add(Finding.info(Finding.Kind.CONSTANT_OUTPUT, symptom + " That is usual right after "
                    + "initialisation; if the network has been trained, pass the loss history to judge it."));
            return;
        }
        if (c.trend.recentFall >= 0.01 || c.trend.improving()) {
            out.add(Finding.info(Finding.Kind.CONSTANT_OUTPUT, symptom + " The loss is still falling ("
                    + pct(c.trend.recentFall) + " over the last epochs): keep training."));
            return;
        }
        boolean sigmoidOut = !c.probe.steps.isEmpty()
                && c.probe.steps.get(c.probe.steps.size() - 1).activation().equals("sigmoid");
        // The plateau claim needs both of its numbers: the mean output at the mean target, and the loss at
        // the loss of predicting it.
        boolean meanAtTarget = Math.abs(Stats.mean(p) - Stats.mean(t)) <= 0.1 * targetSpread;
        String where;
        if (meanAtTarget && c.atBaselineLoss()) {
            where = " The network sits at the mean-target plateau, where predicting the average is the best it has "
                    + "found so far.";
        } else {
            where = String.format(" The output is stuck near %s, which is not the mean target %s%s.",
                    fmt(Stats.mean(p)), fmt(Stats.mean(t)), Double.isFinite(c.probe.baselineLoss)
                            ? String.format(": its loss %s is %s the %s of predicting the mean target", fmt(c.loss),
                                    c.loss > c.probe.baselineLoss ? "above" : "at or below", fmt(c.probe.baselineLoss))
                            : "");
        }
        out.add(Finding.warning(Finding.Kind.CONSTANT_OUTPUT, symptom + where + " Try more epochs, a larger learning "
                + "rate" + (sigmoidOut ? ", or binary cross-entropy (Loss.bce) instead of MSE on the sigmoid output, "
                + "whose gradient MSE scales down by y(1 - y)" : "") + "."));
    }

    /** What an earlier check found that makes the output constant, with what to do; null if none did. */
    private static String cause(Context c) {
        if (c.symmetric) {
            return "the hidden units are identical (see the symmetry finding), so the network computes as a "
                    + c.effectiveShape + " one; initialise the weights randomly.";
        }
        if (c.learningRateTooHigh) {
            return "the learning rate is too large (see that finding): lower it.";
        }
        if (c.saturated) {
            // Saturated units pass almost no gradient: a larger step would push them further out.
            return "the units are saturated (see that finding): a smaller learning rate or initialisation, not a "
                    + "larger one, lets gradient through again.";
        }
        if (c.deadUnits) {
            return "most ReLU units are dead (see that finding): lower the learning rate or use He initialisation.";
        }
        if (c.learningRateTooLow) {
            return "the learning rate" + (c.knowsLearningRate() ? " (" + fmt(c.learningRate) + ")" : "")
                    + " is too small (see that finding): the network has barely moved from its initialisation; "
                    + "try one 10 to 100 times larger.";
        }
        return null;
    }

    /** Three decimals, as the examples print outputs. */
    private static String fmt3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static void saturation(Context c, Probe.Step s, boolean last, List<Finding> out) {
        boolean sigmoid = s.activation().equals("sigmoid");
        double[] y = s.output().values();
        double[] t = last && s.output().shape().equals(c.probe.target.shape()) ? c.probe.target.values() : null;
        int n = s.output().shape().rank() == 2 ? s.output().shape().dim(0) : 1;
        int units = y.length / n;
        int saturated = 0;
        int wrong = 0;
        int alwaysSaturated = 0;
        for (int u = 0; u < units; u++) {
            int su = 0;
            for (int i = 0; i < n; i++) {
                double v = y[i * units + u];
                double d = sigmoid ? v * (1 - v) : 1 - v * v;
                if (d < SATURATED_DERIVATIVE) {
                    su++;
                    if (t != null && Math.abs(v - t[i * units + u]) > 0.5) {
                        wrong++;
                    }
                }
            }
            saturated += su;
            alwaysSaturated += su == n ? 1 : 0;
        }
        if (saturated == 0) {
            return;
        }
        double share = (double) saturated / y.length;
        String act = sigmoid ? "sigmoid" : "tanh";
        String what = String.format("Layer %s (%s): %s of unit-samples are saturated (derivative below %s), "
                + "%d of %d units on every sample", s.name(), act, pct(share), SATURATED_DERIVATIVE, alwaysSaturated, units);
        if (last && t != null) {
            // A saturated output on the right side of its target is what training aims for.
            if (wrong > 0) {
                c.saturated = true;
                out.add(Finding.warning(Finding.Kind.SATURATED_UNITS, what + "; " + wrong
                        + " of them are stuck on the wrong side of their target, where the gradient is nearly 0. "
                        + "Use a smaller initialisation or learning rate, or drop the output sigmoid and train the "
                        + "logits with Loss.bceWithLogits, whose gradient does not vanish there."));
            } else {
                out.add(Finding.info(Finding.Kind.SATURATED_UNITS, what + ", all on the right side of their target."));
            }
            return;
        }
        if ((share >= SATURATED_SHARE || 2 * alwaysSaturated >= units) && !c.lossIsLow()) {
            c.saturated = true;
            out.add(Finding.warning(Finding.Kind.SATURATED_UNITS, what + ": their pre-activations are so large that "
                    + "little gradient passes through. Use a smaller initialisation (Init.xavierUniform()) or learning "
                    + "rate, or scale the inputs."));
        } else {
            out.add(Finding.info(Finding.Kind.SATURATED_UNITS, what + "."));
        }
    }

    private static void dead(Context c, Probe.Step s, List<Finding> out) {
        double[] y = s.output().values();
        int n = s.output().shape().rank() == 2 ? s.output().shape().dim(0) : 1;
        int units = y.length / n;
        int dead = 0;
        for (int u = 0; u < units; u++) {
            boolean allZero = true;
            for (int i = 0; i < n && allZero; i++) {
                allZero = y[i * units + u] <= 0;
            }
            dead += allZero ? 1 : 0;
        }
        if (dead == 0) {
            return;
        }
        String msg = String.format("Layer %s (relu): %d of %d units output 0 for every sample in the batch and pass no "
                + "gradient", s.name(), dead, units);
        c.deadUnits |= 2 * dead >= units;
        out.add(2 * dead >= units
                ? Finding.warning(Finding.Kind.DEAD_UNITS, msg + ". Lower the learning rate, or use He initialisation.")
                : Finding.info(Finding.Kind.DEAD_UNITS, msg + "."));
    }
}
