package dev.tapegrad.nn;

/**
 * Receives a {@link Trainer}'s progress, on the training thread; a listener that prints is how the
 * examples show progress (the library itself prints nothing). A listener must not change the model.
 */
@FunctionalInterface
public interface TrainingListener {
    /** Called before the first epoch with the most epochs the run may take. */
    default void onStart(int maxEpochs) {}

    /** Called after every epoch. */
    void onEpoch(EpochReport report);

    /** Called once when training stops, for whatever reason. */
    default void onEnd(TrainingResult result) {}
}
