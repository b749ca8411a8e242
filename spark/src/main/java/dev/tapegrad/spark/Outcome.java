package dev.tapegrad.spark;

import java.io.Serializable;
import java.util.List;

/**
 * How one sweep run went.
 *
 * @param epochsToTarget the epoch at which the target accuracy was reached, or {@code null}
 * @param epochs the epochs run
 * @param loss the loss over the training rows after the last epoch
 * @param accuracy the training accuracy after the last epoch
 * @param heldOutAccuracy the accuracy on the held-out fold, or {@code NaN} without folds
 * @param stopReason why training stopped ({@code TARGET_ACCURACY}, {@code MAX_EPOCHS}, {@code NOT_FINITE}, ...)
 * @param wallMillis the run's wall time in milliseconds, data included
 */
public record Outcome(Integer epochsToTarget, int epochs, double loss, double accuracy, double heldOutAccuracy,
        String stopReason, double wallMillis) implements Serializable {

    static double accuracy(double[][] predictions, List<double[]> targets, double threshold) {
        int right = 0;
        for (int i = 0; i < predictions.length; i++) {
            double[] p = predictions[i];
            double[] t = targets.get(i);
            right += p.length == 1 ? ((p[0] >= threshold) == (t[0] >= 0.5) ? 1 : 0)
                    : (argmax(p) == argmax(t) ? 1 : 0);
        }
        return (double) right / predictions.length;
    }

    static int argmax(double[] v) {
        int best = 0;
        for (int j = 1; j < v.length; j++) {
            if (v[j] > v[best]) {
                best = j;
            }
        }
        return best;
    }
}
