package dev.tapegrad.nn;

import java.time.Duration;
import java.util.Locale;

/**
 * What a {@link Trainer} reports after each epoch. Prints on one line, such as
 * {@code epoch 12: loss 0.1234, accuracy 96.5%, validation loss 0.2011, validation accuracy 93.1%, lr 0.001, 0.41 s}.
 *
 * @param epoch the epoch just finished, counting from 1
 * @param loss the loss over the whole training set with the parameters as they are after this epoch
 * @param trainLoss the mean of the epoch's step losses, weighted by batch size (each measured before its step)
 * @param accuracy the fraction of training samples classified right after this epoch, in [0, 1]; {@code NaN}
 *     when the trainer measures no accuracy
 * @param validationLoss the loss over the validation set after this epoch; {@code NaN} without one
 * @param validationAccuracy the validation set's accuracy after this epoch; {@code NaN} without one or
 *     when no accuracy is measured
 * @param learningRate the learning rate this epoch used when a schedule set it; {@code NaN} otherwise
 * @param steps the optimizer steps taken so far, over all epochs
 * @param elapsed the time since training started
 */
public record EpochReport(int epoch, double loss, double trainLoss, double accuracy, double validationLoss,
        double validationAccuracy, double learningRate, long steps, Duration elapsed) {
    /** Whether an accuracy was measured. */
    public boolean hasAccuracy() {
        return !Double.isNaN(accuracy);
    }

    /** Whether a validation set was evaluated. */
    public boolean hasValidation() {
        return !Double.isNaN(validationLoss);
    }

    /** The elapsed time in seconds. */
    public double elapsedSeconds() {
        return elapsed.toNanos() / 1e9;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "epoch %d: loss %.4g", epoch, loss));
        if (hasAccuracy()) {
            sb.append(String.format(Locale.ROOT, ", accuracy %.1f%%", 100 * accuracy));
        }
        if (hasValidation()) {
            sb.append(String.format(Locale.ROOT, ", validation loss %.4g", validationLoss));
            if (!Double.isNaN(validationAccuracy)) {
                sb.append(String.format(Locale.ROOT, ", validation accuracy %.1f%%", 100 * validationAccuracy));
            }
        }
        if (!Double.isNaN(learningRate)) {
            sb.append(String.format(Locale.ROOT, ", lr %.3g", learningRate));
        }
        return sb.append(String.format(Locale.ROOT, ", %.2f s", elapsedSeconds())).toString();
    }
}
