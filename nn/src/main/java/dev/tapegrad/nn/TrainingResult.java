package dev.tapegrad.nn;

/**
 * How a {@link Trainer#fit()} ended.
 *
 * @param epochs the number of epochs run
 * @param last the report of the last epoch
 * @param reason why training stopped
 */
public record TrainingResult(int epochs, EpochReport last, StopReason reason) {
    /** Why training stopped. */
    public enum StopReason {
        /** The accuracy reached the target. */
        TARGET_ACCURACY,
        /** The loss fell to the target. */
        TARGET_LOSS,
        /** The epoch budget ran out first. */
        MAX_EPOCHS,
        /** A step's loss was NaN or infinite: the learning rate is probably too large. */
        NOT_FINITE
    }

    /** Whether a target (accuracy or loss) was reached. */
    public boolean reachedTarget() {
        return reason == StopReason.TARGET_ACCURACY || reason == StopReason.TARGET_LOSS;
    }
}
