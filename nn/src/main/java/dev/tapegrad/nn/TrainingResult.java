package dev.tapegrad.nn;

import java.util.List;
import java.util.Objects;

/**
 * How a {@link Trainer#fit()} ended. Prints as the stop reason, the best epoch and then the history,
 * one epoch per line.
 *
 * @param epochs the number of epochs run
 * @param last the report of the last epoch
 * @param reason why training stopped
 * @param history every epoch's report, in order; unmodifiable
 * @param best the epoch whose weights the model holds now: with early stopping the one with the lowest
 *     validation loss, otherwise the last
 */
public record TrainingResult(int epochs, EpochReport last, StopReason reason, List<EpochReport> history,
        EpochReport best) {
    /** Why training stopped. */
    public enum StopReason {
        /** The accuracy reached the target. */
        TARGET_ACCURACY,
        /** The loss fell to the target. */
        TARGET_LOSS,
        /** The epoch budget ran out first. */
        MAX_EPOCHS,
        /** The validation loss stopped improving for the chosen patience. */
        EARLY_STOPPED,
        /** A step's loss was NaN or infinite: the learning rate is probably too large. */
        NOT_FINITE
    }

    /** Copies the history. */
    public TrainingResult {
        Objects.requireNonNull(reason, "reason");
        history = List.copyOf(history);
    }

    /** Whether a target (accuracy or loss) was reached. */
    public boolean reachedTarget() {
        return reason == StopReason.TARGET_ACCURACY || reason == StopReason.TARGET_LOSS;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TrainingResult(")
                .append(reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .append(" after ").append(epochs).append(epochs == 1 ? " epoch" : " epochs")
                .append("; weights of epoch ").append(best.epoch()).append(')');
        for (EpochReport r : history) {
            sb.append("\n  ").append(r);
        }
        return sb.toString();
    }
}
