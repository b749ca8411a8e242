package dev.tapegrad.nn.diagnose;

import static dev.tapegrad.nn.diagnose.Stats.fmt;
import static dev.tapegrad.nn.diagnose.Stats.pct;

import java.util.List;

/**
 * The learning rate: the update-to-parameter norm ratio per layer, and the loss trend.
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
        // A step of exactly 0 means no gradient arrives (see the gradient findings), not a small rate.
        // Saturated or dead units, or identical ones, make the steps small whatever the rate: they are the
        // cause, and a larger rate would make saturation worse.
        boolean explained = c.saturated || c.deadUnits || c.symmetric;
        if (worst != null && max > 0 && min < LOW_RATIO && max < TYPICAL_RATIO && !c.lossIsLow() && !stationary
                && !explained
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
}
