package dev.tapegrad.nn.diagnose;

import static dev.tapegrad.nn.diagnose.Stats.fmt;
import static dev.tapegrad.nn.diagnose.Stats.pct;

import dev.tapegrad.nn.ReLU;
import dev.tapegrad.nn.Sigmoid;
import dev.tapegrad.nn.Tanh;
import java.util.ArrayList;
import java.util.List;

/**
 * What the layers' outputs show: an output that does not vary across the batch (the mean-target
 * plateau), saturated sigmoid and tanh units (derivative below 0.01), and dead ReLU units.
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

    static void run(Context c, List<Finding> out) {
        List<Finding> units = new ArrayList<>();
        List<Probe.Step> steps = c.probe.steps;
        for (int k = 0; k < steps.size(); k++) {
            Probe.Step s = steps.get(k);
            boolean last = k == steps.size() - 1;
            if (s.layer() instanceof Sigmoid || s.layer() instanceof Tanh) {
                saturation(c, s, last, units);
            } else if (s.layer() instanceof ReLU) {
                dead(s, units);
            }
        }
        // After the unit checks, so the constant-output advice knows whether units are saturated.
        constantOutput(c, out);
        out.addAll(units);
    }

    private static void constantOutput(Context c, List<Finding> out) {
        int n = c.probe.output.shape().dim(0);
        int w = c.probe.output.shape().size() / n;
        double[] p = c.probe.output.values();
        double[] t = c.probe.target.values();
        double spread = Stats.meanColumnStd(p, n, w);
        double targetSpread = Stats.meanColumnStd(t, n, w);
        if (n < 2 || targetSpread == 0 || c.lossIsLow()) {
            return;
        }
        double share = spread / targetSpread;
        if (share >= CONSTANT_SPREAD) {
            return;
        }
        c.constantOutput = true;
        String numbers = String.format("its spread (std %s) is %s of the targets' (std %s); mean output %s, mean target %s",
                fmt(spread), pct(share), fmt(targetSpread), fmt(Stats.mean(p)), fmt(Stats.mean(t)));
        if (!c.trend.judged()) {
            out.add(Finding.info(Finding.Kind.CONSTANT_OUTPUT, "The output barely varies across the batch (" + numbers
                    + "), as usual right after initialisation; if the network has been trained, pass the loss history "
                    + "to judge it."));
            return;
        }
        if (c.trend.recentFall >= 0.01 || c.trend.improving()) {
            out.add(Finding.info(Finding.Kind.CONSTANT_OUTPUT, "The output still barely varies across the batch ("
                    + numbers + "), but the loss is falling (" + pct(c.trend.recentFall)
                    + " over the last epochs): keep training."));
            return;
        }
        boolean sigmoidOut = !c.probe.steps.isEmpty()
                && c.probe.steps.get(c.probe.steps.size() - 1).layer() instanceof Sigmoid;
        boolean atMean = Math.abs(Stats.mean(p) - Stats.mean(t)) < 0.5 * targetSpread;
        String where = atMean
                ? " The network sits at the mean-target plateau, where predicting the average is the best it has found so far."
                : " The output is stuck at a value that is not even the mean target.";
        String advice;
        if (c.learningRateTooHigh) {
            advice = " The learning rate looks too large (see that finding): lower it.";
        } else if (c.saturated) {
            // Saturated units pass almost no gradient: a larger step would push them further out.
            advice = " Its units are saturated (see that finding): a smaller learning rate or initialisation, not a "
                    + "larger one, lets gradient through again.";
        } else {
            advice = " Try more epochs, a larger learning rate" + (sigmoidOut ? ", or binary cross-entropy (Loss.bce) "
                    + "instead of MSE on the sigmoid output, whose gradient MSE scales down by y(1 - y)" : "") + ".";
        }
        out.add(Finding.warning(Finding.Kind.CONSTANT_OUTPUT, "The output is nearly the same for every input: "
                + numbers + "." + where + advice));
    }

    private static void saturation(Context c, Probe.Step s, boolean last, List<Finding> out) {
        boolean sigmoid = s.layer() instanceof Sigmoid;
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

    private static void dead(Probe.Step s, List<Finding> out) {
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
        out.add(2 * dead >= units
                ? Finding.warning(Finding.Kind.DEAD_UNITS, msg + ". Lower the learning rate, or use He initialisation.")
                : Finding.info(Finding.Kind.DEAD_UNITS, msg + "."));
    }
}
