package dev.tapegrad.nn.diagnose;

import static dev.tapegrad.nn.diagnose.Stats.fmt;
import static dev.tapegrad.nn.diagnose.Stats.pct;

import dev.tapegrad.nn.TrainingResult;
import java.util.List;

/**
 * The last resort: a run that ended without reaching a target, with the loss still high, gets a
 * warning even when no other check names a cause, saying what the loss trend suggests.
 */
final class TargetMissed {
    private TargetMissed() {}

    static void run(Context c, TrainingResult outcome, List<Finding> out) {
        if (outcome == null || outcome.reachedTarget() || c.lossIsLow()
                || out.stream().anyMatch(f -> f.severity().atLeast(Severity.WARNING))) {
            return;
        }
        String base = Double.isFinite(c.probe.baselineLoss)
                ? " (predicting the mean target gives " + fmt(c.probe.baselineLoss) + ")" : "";
        String accuracy = outcome.last().hasAccuracy() ? ", accuracy " + pct(outcome.last().accuracy()) : "";
        String advice;
        if (c.trend.judged() && (c.trend.recentFall >= 0.01 || c.trend.improving())) {
            advice = String.format("the loss is still falling (%s over the last %d epochs), only slowly: train for more "
                    + "epochs, or raise the learning rate", pct(c.trend.recentFall), c.trend.window);
        } else {
            advice = "the loss has stopped falling: try a wider or deeper network, Adam, or binary cross-entropy "
                    + "for 0/1 targets";
        }
        out.add(Finding.warning(Finding.Kind.TARGET_MISSED, String.format("Training stopped after %d epochs (%s) "
                + "without reaching a target, with the loss at %s%s%s. No other check names a cause, but %s.",
                outcome.epochs(), outcome.reason(), fmt(c.loss), base, accuracy, advice)));
    }
}
