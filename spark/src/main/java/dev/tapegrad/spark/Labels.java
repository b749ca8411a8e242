package dev.tapegrad.spark;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.Serializable;

/**
 * How a label value becomes a target row: a class index as a one-hot row, a 0/1 label as one column,
 * or the value itself (regression).
 *
 * @param classes the number of classes for one-hot rows; 0 for a 0/1 column; -1 for raw values
 */
public record Labels(int classes) implements Serializable {
    /**
     * Checks the class count.
     *
     * @throws IllegalArgumentException if {@code classes} is 1 or below -1
     */
    public Labels {
        checkArgument(classes >= 2 || classes == 0 || classes == -1,
                "Labels: a one-hot target needs at least 2 classes, got %s", classes);
    }

    /** Class indices {@code 0 .. classes-1}, as one-hot rows (for cross-entropy on logits). */
    public static Labels oneHot(int classes) {
        return new Labels(classes);
    }

    /** Labels 0 or 1, as one column (for binary cross-entropy). */
    public static Labels binary() {
        return new Labels(0);
    }

    /** The label value itself, as one column (regression). */
    public static Labels values() {
        return new Labels(-1);
    }

    /** The width of a target row. */
    public int width() {
        return classes >= 2 ? classes : 1;
    }

    /** Whether an accuracy applies. */
    boolean classifies() {
        return classes != -1;
    }

    /** Why {@code label} is not acceptable, or {@code null} if it is. */
    String problem(double label) {
        if (!Double.isFinite(label)) {
            return "is " + label + "; labels must be finite numbers";
        }
        if (classes >= 2 && (label != Math.rint(label) || label < 0 || label >= classes)) {
            return "is " + label + "; a class index must be an integer in [0, " + classes + ")";
        }
        if (classes == 0 && label != 0 && label != 1) {
            return "is " + label + "; a binary label must be 0 or 1";
        }
        return null;
    }

    /** Writes the target row of {@code label} at {@code offset}. */
    void write(double label, double[] target, int offset) {
        if (classes >= 2) {
            target[offset + (int) label] = 1.0;
        } else {
            target[offset] = label;
        }
    }
}
