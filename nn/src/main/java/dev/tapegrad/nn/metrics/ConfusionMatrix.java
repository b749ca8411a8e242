package dev.tapegrad.nn.metrics;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Counts of (actual class, predicted class) pairs: row {@code a}, column {@code p} is the number of
 * rows of class {@code a} predicted as {@code p} (scikit-learn's {@code confusion_matrix} layout). A
 * prediction of -1 (a NaN score, see {@link Metrics#argmax}) is counted in a separate column.
 */
public final class ConfusionMatrix {
    private final List<String> names;
    private final long[][] counts;
    private final long[] invalid;

    private ConfusionMatrix(List<String> names, long[][] counts, long[] invalid) {
        this.names = names;
        this.counts = counts;
        this.invalid = invalid;
    }

    /**
     * The matrix of these predictions, for classes named {@code classNames} (index order).
     *
     * @throws IllegalArgumentException if the lengths differ, or a class is outside 0 to {@code classNames.size() - 1}
     */
    public static ConfusionMatrix of(int[] actual, int[] predicted, List<String> classNames) {
        Metrics.check(actual, predicted);
        List<String> names = List.copyOf(Objects.requireNonNull(classNames, "ConfusionMatrix: classNames"));
        int k = names.size();
        long[][] counts = new long[k][k];
        long[] invalid = new long[k];
        for (int i = 0; i < actual.length; i++) {
            checkArgument(actual[i] >= 0 && actual[i] < k, "ConfusionMatrix: row %s has class %s; classes are 0 to %s",
                    i, actual[i], k - 1);
            checkArgument(predicted[i] >= -1 && predicted[i] < k,
                    "ConfusionMatrix: row %s is predicted as %s; classes are 0 to %s (-1 for none)", i, predicted[i], k - 1);
            if (predicted[i] < 0) {
                invalid[actual[i]]++;
            } else {
                counts[actual[i]][predicted[i]]++;
            }
        }
        return new ConfusionMatrix(names, counts, invalid);
    }

    /** The number of classes. */
    public int numClasses() {
        return names.size();
    }

    /** The rows of class {@code actual} predicted as {@code predicted}. */
    public long count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** The rows of class {@code actual} that got no prediction (a NaN score). */
    public long unpredicted(int actual) {
        return invalid[actual];
    }

    /** The diagonal's share of all rows. */
    public double accuracy() {
        long right = 0;
        long all = 0;
        for (int a = 0; a < counts.length; a++) {
            right += counts[a][a];
            all += invalid[a];
            for (long c : counts[a]) {
                all += c;
            }
        }
        return all == 0 ? Double.NaN : (double) right / all;
    }

    /** The matrix as a text table: one row per actual class, one column per predicted class. */
    @Override
    public String toString() {
        boolean anyInvalid = false;
        for (long v : invalid) {
            anyInvalid |= v > 0;
        }
        List<String> head = new ArrayList<>(names);
        if (anyInvalid) {
            head.add("none");
        }
        int w = "actual \\ predicted".length();
        int cell = 1;
        for (String n : head) {
            cell = Math.max(cell, n.length());
        }
        for (long[] row : counts) {
            for (long c : row) {
                cell = Math.max(cell, Long.toString(c).length());
            }
        }
        for (String n : names) {
            w = Math.max(w, n.length());
        }
        StringBuilder sb = new StringBuilder(String.format("%-" + w + "s", "actual \\ predicted"));
        for (String n : head) {
            sb.append("  ").append(String.format("%" + cell + "s", n));
        }
        for (int a = 0; a < counts.length; a++) {
            sb.append('\n').append(String.format("%-" + w + "s", names.get(a)));
            for (long c : counts[a]) {
                sb.append("  ").append(String.format("%" + cell + "d", c));
            }
            if (anyInvalid) {
                sb.append("  ").append(String.format("%" + cell + "d", invalid[a]));
            }
        }
        return sb.toString();
    }
}
