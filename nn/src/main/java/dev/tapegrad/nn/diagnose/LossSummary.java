package dev.tapegrad.nn.diagnose;

import static dev.tapegrad.nn.diagnose.Stats.fmt;

import java.util.List;

/** The loss on the batch beside the loss of always predicting the mean target (information only). */
final class LossSummary {
    private LossSummary() {}

    static void run(Context c, List<Finding> out) {
        String base = Double.isFinite(c.probe.baselineLoss)
                ? "; the best constant prediction (the mean target, or its logit for a loss on logits) would give " + fmt(c.probe.baselineLoss)
                : "";
        String trend = c.trend.count >= 2
                ? String.format("; over the last %d recorded epochs it went from %s to %s", c.trend.window, fmt(c.trend.windowStart), fmt(c.trend.last))
                : "";
        out.add(Finding.info(Finding.Kind.LOSS, "Loss on the batch is " + fmt(c.loss) + base + trend + "."));
    }
}
