package dev.tapegrad.nn.diagnose;

import static dev.tapegrad.nn.diagnose.Stats.fmt;
import static dev.tapegrad.nn.diagnose.Stats.pct;

import dev.tapegrad.nn.Linear;
import java.util.List;

/**
 * The learning rate (the update-to-parameter norm ratio per layer, the loss trend) and the size of the
 * network (a loss that has plateaued above zero although the gradients are healthy).
 */
final class TrainingChecks {
    /** A layer whose update is smaller than this share of its parameters makes little progress. */
    static final double LOW_RATIO = 1e-4;
    /** ... unless another layer's update reaches this share. */
    static final double TYPICAL_RATIO = 1e-3;
    /**
     * An update larger than this share of the parameters overshoots. The usual ceiling is about 0.1, but
     * the output layer of a small sigmoid network at a good learning rate starts near 0.1 to 0.2.
     */
    static final double HIGH_RATIO = 0.5;
    /** A network with a hidden layer this narrow, or fewer parameters than samples, may be too small. */
    static final int NARROW = 2;
    /** Below this, the gradient is so small relative to the loss that training sits at a stationary point. */
    static final double STATIONARY = 1e-3;

    private TrainingChecks() {}

    static void learningRate(Context c, List<Finding> out) {
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        Context.LayerNorms worst = null;
        StringBuilder ratios = new StringBuilder();
        if (c.knowsUpdateRatios()) {
            for (Context.LayerNorms l : c.layers) {
                if (Double.isNaN(l.updateRatio())) {
                    continue;
                }
                ratios.append(ratios.length() == 0 ? "" : ", ").append(l.name()).append(": ").append(fmt(l.updateRatio()));
                min = Math.min(min, l.updateRatio());
                if (worst == null || l.updateRatio() > max) {
                    max = l.updateRatio();
                    worst = l;
                }
            }
            if (worst != null) {
                String how = c.measuredRatios ? "measured over the last epoch"
                        : "at learning rate " + fmt(c.learningRate) + ", as plain SGD";
                out.add(Finding.info(Finding.Kind.UPDATE_RATIO, "Update-to-parameter norm ratio of one step per layer, "
                        + how + " (about 1e-3 is typical): " + ratios + "."));
            }
        }
        StringBuilder high = new StringBuilder();
        if (worst != null && max > HIGH_RATIO) {
            high.append(String.format("one step changes layer %s by %s of its norm (above %s)", worst.name(), fmt(max),
                    fmt(HIGH_RATIO)));
        }
        if (c.observedUpdateRatio > HIGH_RATIO) {
            high.append(high.length() == 0 ? "" : "; ").append(String.format(
                    "during training one step moved the parameters by up to %s of their norm", fmt(c.observedUpdateRatio)));
        }
        if (c.trend.rising()) {
            high.append(high.length() == 0 ? "" : "; ").append(String.format(
                    "the loss rose from %s to %s (lowest %s)", fmt(c.trend.first), fmt(c.trend.last), fmt(c.trend.min)));
        } else if (c.trend.oscillating()) {
            high.append(high.length() == 0 ? "" : "; ").append(String.format(
                    "the loss oscillates: %s of recent epochs reverse direction, by %s of its level on average",
                    pct(c.trend.flips), pct(c.trend.stepSize)));
        }
        if (high.length() > 0) {
            c.learningRateTooHigh = true;
            out.add(Finding.warning(Finding.Kind.LEARNING_RATE_TOO_HIGH, "The learning rate"
                    + (c.knowsLearningRate() ? " (" + fmt(c.learningRate) + ")" : "") + " looks too large: " + high
                    + ". Try one 3 to 10 times smaller."));
            return;
        }
        boolean stationary = c.sensitivity < STATIONARY;
        // At the mean-target plateau the lack of progress is the plateau's (see the constant-output check),
        // not necessarily the step size's; below it, small steps are what hold the loss up.
        boolean atPlateau = Double.isFinite(c.probe.baselineLoss) && c.loss <= c.probe.baselineLoss * 1.02;
        if (worst != null && min < LOW_RATIO && max < TYPICAL_RATIO && !c.lossIsLow() && !stationary
                && !stillFalling(c) && (!atPlateau || max < LOW_RATIO / 10)) {
            c.learningRateTooLow = true;
            out.add(Finding.warning(Finding.Kind.LEARNING_RATE_TOO_LOW, String.format(
                    "The learning rate%s looks too small: one step changes each layer by %s to %s of its norm, "
                            + "below the usual 1e-3, while the loss (%s) is still high%s and its gradient is not small. "
                            + "Try a learning rate 10 to 100 times larger.",
                    c.knowsLearningRate() ? " (" + fmt(c.learningRate) + ")" : "", fmt(min), fmt(max), fmt(c.loss),
                    c.trend.judged() ? " and fell only " + pct(Math.max(0, c.trend.recentFall)) + " over the last epochs"
                            : "")));
        }
    }

    private static boolean stillFalling(Context c) {
        return c.trend.judged() && c.trend.recentFall >= 0.05;
    }

    static void capacity(Context c, List<Finding> out) {
        if (!c.trend.flat() || c.lossIsLow() || c.saturated || c.gradientPathology || c.learningRateTooLow
                || c.learningRateTooHigh) {
            return;
        }
        int narrowest = Integer.MAX_VALUE;
        for (int k = 0; k + 1 < c.layers.size(); k++) {
            if (c.layers.get(k).layer() instanceof Linear lin) {
                narrowest = Math.min(narrowest, lin.outFeatures());
            }
        }
        int samples = c.probe.targetRows.length;
        String base = Double.isFinite(c.probe.baselineLoss)
                ? " (predicting the mean target gives " + fmt(c.probe.baselineLoss) + ")" : "";
        String plateau = String.format("The loss has stayed at %s%s over the last %d epochs (changed by %s) while the "
                + "gradients are healthy (no saturation, no vanishing; gradient sensitivity %s)", fmt(c.loss), base,
                c.trend.window, pct(Math.abs(c.trend.recentFall)), fmt(c.sensitivity));
        if (narrowest <= NARROW || c.parameterCount < samples) {
            String width = narrowest == Integer.MAX_VALUE ? "" : ", narrowest hidden layer " + narrowest
                    + (narrowest == 1 ? " unit" : " units");
            out.add(Finding.warning(Finding.Kind.NETWORK_TOO_SMALL, String.format(
                    "Hint: the network may be too small for the data. %s, so training has settled on the best this "
                            + "network can do: %d parameters for %d samples%s. Try more hidden units or another layer.",
                    plateau, c.parameterCount, samples, width)));
            demoteConstantOutput(out);
        } else {
            out.add(Finding.info(Finding.Kind.NETWORK_TOO_SMALL, plateau + ". With " + c.parameterCount
                    + " parameters for " + samples + " samples the network is not small: sigmoid networks trained with "
                    + "MSE often sit on such a plateau for thousands of epochs before they escape. Keep training, or "
                    + "try Adam or binary cross-entropy."));
        }
    }

    /** A constant output that the network's size explains needs no advice about epochs or learning rates. */
    private static void demoteConstantOutput(List<Finding> out) {
        for (int i = 0; i < out.size(); i++) {
            Finding f = out.get(i);
            if (f.kind() == Finding.Kind.CONSTANT_OUTPUT && f.severity() == Severity.WARNING) {
                String numbers = f.message().substring(0, f.message().indexOf(". "));
                out.set(i, Finding.info(Finding.Kind.CONSTANT_OUTPUT, numbers + ": explained by the network's size "
                        + "(see the hint)."));
            }
        }
    }
}
