package dev.tapegrad.nn;

import java.time.Duration;

/**
 * What a {@link Trainer} reports after each epoch.
 *
 * @param epoch the epoch just finished, counting from 1
 * @param loss the loss over the whole dataset with the parameters as they are after this epoch
 * @param trainLoss the mean of the epoch's step losses, weighted by batch size (each measured before its step)
 * @param accuracy the fraction of samples classified right after this epoch, in [0, 1]; {@code NaN} when
 *     the trainer measures no accuracy
 * @param steps the optimizer steps taken so far, over all epochs
 * @param elapsed the time since training started
 */
public record EpochReport(int epoch, double loss, double trainLoss, double accuracy, long steps, Duration elapsed) {
    /** Whether an accuracy was measured. */
    public boolean hasAccuracy() {
        return !Double.isNaN(accuracy);
    }
}
