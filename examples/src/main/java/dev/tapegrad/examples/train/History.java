package dev.tapegrad.examples.train;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** The epochs of one training run, in order; what the plot and the summary are drawn from. */
public final class History {
    private final List<EpochStats> epochs = new ArrayList<>();

    /** Appends one epoch; epochs must arrive in increasing order. */
    public void add(EpochStats stats) {
        if (!epochs.isEmpty() && stats.epoch() <= last().epoch()) {
            throw new IllegalArgumentException("history: epoch " + stats.epoch() + " after epoch " + last().epoch());
        }
        epochs.add(stats);
    }

    /** The epochs so far (an unmodifiable view). */
    public List<EpochStats> epochs() {
        return java.util.Collections.unmodifiableList(epochs);
    }

    /** The most recent epoch. */
    public EpochStats last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("history: no epoch recorded yet");
        }
        return epochs.get(epochs.size() - 1);
    }

    /** The first epoch whose accuracy was at least {@code target}, if any. */
    public OptionalInt firstEpochReaching(double target) {
        for (EpochStats e : epochs) {
            if (e.accuracy() >= target) {
                return OptionalInt.of(e.epoch());
            }
        }
        return OptionalInt.empty();
    }
}
