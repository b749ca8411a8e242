package dev.tapegrad.nn.diagnose;

import java.util.List;

/**
 * What a loss history says: whether it is finite, rising, oscillating, still falling or flat, over
 * its most recent entries: the last fifth of the history, at least {@link #WINDOW} entries, so that a
 * long run is judged on a span long enough to see slow progress. Entries are one per epoch, oldest
 * first.
 */
final class LossTrend {
    /** The fewest recent entries judged. */
    static final int WINDOW = 20;

    final int count;
    /** The number of recent entries judged. */
    final int window;
    final boolean finite;
    final double first;
    final double last;
    /** The first entry of the window. */
    final double windowStart;
    final double min;
    /** Relative fall over the window: (start - end) / start; negative when the loss rose. */
    final double recentFall;
    /** The share of consecutive steps in the window whose direction flips. */
    final double flips;
    /** Mean absolute step in the window relative to the window's mean level. */
    final double stepSize;
    /** The lowest loss in the first and in the second half of the window. */
    final double earlierLow;
    final double laterLow;

    LossTrend(List<Double> history) {
        count = history.size();
        boolean ok = true;
        double lo = Double.POSITIVE_INFINITY;
        for (double v : history) {
            ok &= Double.isFinite(v);
            lo = Math.min(lo, v);
        }
        finite = ok;
        min = lo;
        first = count == 0 ? Double.NaN : history.get(0);
        last = count == 0 ? Double.NaN : history.get(count - 1);
        window = Math.min(count, Math.max(WINDOW, count / 5));
        int from = count - window;
        List<Double> w = history.subList(from, count);
        windowStart = w.isEmpty() ? Double.NaN : w.get(0);
        if (w.size() < 2) {
            recentFall = Double.NaN;
            flips = 0;
            stepSize = 0;
            earlierLow = Double.NaN;
            laterLow = Double.NaN;
            return;
        }
        int half = w.size() / 2;
        earlierLow = w.subList(0, half).stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        laterLow = w.subList(half, w.size()).stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double start = w.get(0);
        double end = w.get(w.size() - 1);
        recentFall = (start - end) / Math.max(Math.abs(start), 1e-300);
        int changes = 0;
        double steps = 0;
        double level = 0;
        for (int i = 1; i < w.size(); i++) {
            double d = w.get(i) - w.get(i - 1);
            steps += Math.abs(d);
            level += w.get(i);
            if (i >= 2 && Math.signum(d) * Math.signum(w.get(i - 1) - w.get(i - 2)) < 0) {
                changes++;
            }
        }
        flips = w.size() < 3 ? 0 : (double) changes / (w.size() - 2);
        level /= w.size() - 1;
        stepSize = steps / (w.size() - 1) / Math.max(Math.abs(level), 1e-300);
    }

    /** Enough entries to judge a trend. */
    boolean judged() {
        return count >= 5 && finite;
    }

    /**
     * The recent low is at least 1% below the earlier one: progress, even through the up and down of
     * full-batch descent at the edge of stability.
     */
    boolean improving() {
        return judged() && laterLow < earlierLow * 0.99;
    }

    /** The loss ended clearly above where it started, or above its best by half again, and is not improving. */
    boolean rising() {
        return judged() && !improving()
                && (last > first * 1.1 + 1e-12 || (last > min * 1.5 + 1e-9 && recentFall < -0.05));
    }

    /** The loss goes up and down by more than 2% per epoch without getting lower. */
    boolean oscillating() {
        return judged() && count >= 8 && flips >= 0.5 && stepSize > 0.02 && !improving();
    }

    /** The loss has hardly moved over the window. */
    boolean flat() {
        return judged() && count >= 10 && Math.abs(recentFall) < 0.01;
    }
}
