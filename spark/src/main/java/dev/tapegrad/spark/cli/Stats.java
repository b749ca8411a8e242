package dev.tapegrad.spark.cli;

import java.util.Arrays;

/** Nearest-rank percentiles of a few values. */
final class Stats {
    private Stats() {}

    /** The nearest-rank {@code p}-th percentile (p in (0, 100]) of {@code values}, which must not be empty. */
    static int percentile(int[] values, double p) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
