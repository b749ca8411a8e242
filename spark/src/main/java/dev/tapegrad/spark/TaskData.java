package dev.tapegrad.spark;

import java.io.Serializable;

/**
 * A sweep's dataset, rebuilt (or carried along) inside each task: feature rows and target rows of
 * equal count. Implementations must be deterministic, so that a retried task sees the same data.
 */
public interface TaskData extends Serializable {
    /** A short name for the result rows, such as {@code bits-parity-5}. */
    String name();

    /** The feature rows; the caller does not modify them. */
    double[][] features();

    /** The target rows, one per feature row; the caller does not modify them. */
    double[][] targets();
}
