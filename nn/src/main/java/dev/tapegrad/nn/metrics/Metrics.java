package dev.tapegrad.nn.metrics;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/** Classification metrics on class indices and on rows of scores (logits or probabilities). */
public final class Metrics {
    private Metrics() {}

    /**
     * Each row's column with the largest score (the first on a tie), or -1 for a row holding a NaN, so
     * that a NaN prediction never counts as any class.
     */
    public static int[] argmax(double[][] scores) {
        Objects.requireNonNull(scores, "argmax: scores");
        int[] out = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            double[] row = scores[i];
            int best = 0;
            for (int j = 0; j < row.length; j++) {
                if (Double.isNaN(row[j])) {
                    best = -1;
                    break;
                }
                if (row[j] > row[best]) {
                    best = j;
                }
            }
            out[i] = row.length == 0 ? -1 : best;
        }
        return out;
    }

    /**
     * The fraction of rows whose predicted class is the actual one, in [0, 1]; a prediction of -1 (see
     * {@link #argmax}) is always wrong.
     *
     * @throws IllegalArgumentException if the lengths differ or there are no rows
     */
    public static double accuracy(int[] actual, int[] predicted) {
        check(actual, predicted);
        int right = 0;
        for (int i = 0; i < actual.length; i++) {
            right += actual[i] == predicted[i] && predicted[i] >= 0 ? 1 : 0;
        }
        return (double) right / actual.length;
    }

    /** {@link #accuracy(int[], int[])} of the rows' {@link #argmax}. */
    public static double accuracy(int[] actual, double[][] scores) {
        return accuracy(actual, argmax(scores));
    }

    static void check(int[] actual, int[] predicted) {
        Objects.requireNonNull(actual, "metrics: actual");
        Objects.requireNonNull(predicted, "metrics: predicted");
        checkArgument(actual.length == predicted.length, "metrics: %s actual classes but %s predictions",
                actual.length, predicted.length);
        checkArgument(actual.length > 0, "metrics: no rows");
    }
}
