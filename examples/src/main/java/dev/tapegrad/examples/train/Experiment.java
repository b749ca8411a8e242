package dev.tapegrad.examples.train;

import dev.tapegrad.nn.LossFunction;
import dev.tapegrad.nn.Optimizer;
import dev.tapegrad.nn.Sequential;
import java.util.List;

/**
 * Everything a training command decided before training starts: the task, the network, how it is
 * trained, and the lines that describe it to the user.
 *
 * @param title the task in a few words, used as the first output line and the plot's title
 * @param description lines printed under the title ({@code "network  3-4-1 sigmoid"}, ...)
 * @param inputHeader the header of the table's input column
 * @param inputLabels how each sample's input is shown in the table, one per sample
 * @param features the input rows
 * @param targets the target rows (one column, 0 or 1)
 * @param model the network; trained in place
 * @param optimizer the optimizer over the model's parameters
 * @param loss the loss to minimise
 * @param lossName the loss's short name for the summary ({@code MSE}, {@code BCE})
 * @param batchSize samples per step: 1 per sample, 0 the full batch
 * @param shuffleSeed the seed for visiting the samples in a new random order each epoch, or null for in order
 * @param epochs the most epochs to run
 * @param targetAccuracy the accuracy that counts as success, in (0, 1]
 */
public record Experiment(
        String title,
        List<String> description,
        String inputHeader,
        List<String> inputLabels,
        double[][] features,
        double[][] targets,
        Sequential model,
        Optimizer optimizer,
        LossFunction loss,
        String lossName,
        int batchSize,
        Long shuffleSeed,
        int epochs,
        double targetAccuracy) {
    /** Full-batch training: one step per epoch on every sample. */
    public static final int FULL_BATCH = 0;
    /** Per-sample ("online") training: one step per sample. */
    public static final int PER_SAMPLE = 1;
}
