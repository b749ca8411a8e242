package dev.tapegrad.spark;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.nn.Sequential;
import dev.tapegrad.nn.Trainer;
import dev.tapegrad.nn.TrainingResult;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * One training run of a sweep, as serialisable values: the data, the network, the optimizer, the loss,
 * the batch mode, the epoch budget, the accuracy that counts as reaching the target, and the
 * cross-validation fold. {@link #run()} does the same thing in a Spark task as in a single JVM.
 *
 * @param data the dataset
 * @param model the network and its seed
 * @param optimizer the optimizer and its settings
 * @param loss the loss to minimise
 * @param batchSize 0 for the full batch in order; otherwise batches of this many rows, shuffled each
 *     epoch by a generator seeded with the model's seed
 * @param epochs the most epochs to run
 * @param targetAccuracy the training accuracy that stops the run, in (0, 1]
 * @param fold which fold is held out, in [0, folds); ignored when {@code folds} is 1
 * @param folds 1 to train on every row; K for K-fold cross-validation (row {@code i} is in fold
 *     {@code i mod K})
 */
public record TrainingSpec(TaskData data, ModelSpec model, OptimizerSpec optimizer, LossKind loss, int batchSize,
        int epochs, double targetAccuracy, int fold, int folds) implements Serializable {
    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException naming the value out of range
     */
    public TrainingSpec {
        Objects.requireNonNull(data, "TrainingSpec: data");
        Objects.requireNonNull(model, "TrainingSpec: model");
        Objects.requireNonNull(optimizer, "TrainingSpec: optimizer");
        Objects.requireNonNull(loss, "TrainingSpec: loss");
        checkArgument(batchSize >= 0, "TrainingSpec: batch size must be >= 0 (0 is the full batch), got %s", batchSize);
        checkArgument(epochs > 0, "TrainingSpec: epochs must be positive, got %s", epochs);
        checkArgument(targetAccuracy > 0 && targetAccuracy <= 1, "TrainingSpec: target accuracy must be in (0, 1], "
                + "got %s", targetAccuracy);
        checkArgument(folds >= 1, "TrainingSpec: folds must be at least 1, got %s", folds);
        checkArgument(folds == 1 || (fold >= 0 && fold < folds), "TrainingSpec: fold must be in [0, %s), got %s",
                folds, fold);
    }

    /** A full-batch run on every row. */
    public static TrainingSpec fullBatch(TaskData data, ModelSpec model, OptimizerSpec optimizer, LossKind loss,
            int epochs, double targetAccuracy) {
        return new TrainingSpec(data, model, optimizer, loss, 0, epochs, targetAccuracy, 0, 1);
    }

    /** This run for fold {@code fold} of {@code folds}. */
    public TrainingSpec withFold(int fold, int folds) {
        return new TrainingSpec(data, model, optimizer, loss, batchSize, epochs, targetAccuracy, fold, folds);
    }

    /**
     * Trains a new network as specified, here, and reports how it went. Deterministic: the same spec
     * gives the same outcome, bit for bit, except for the wall time.
     */
    public Outcome run() {
        long start = System.nanoTime();
        double[][] x = data.features();
        double[][] y = data.targets();
        checkArgument(x.length == y.length, "%s: %s feature rows but %s target rows", data.name(), x.length, y.length);
        List<double[]> trainX = new ArrayList<>();
        List<double[]> trainY = new ArrayList<>();
        List<double[]> heldX = new ArrayList<>();
        List<double[]> heldY = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            boolean held = folds > 1 && i % folds == fold;
            (held ? heldX : trainX).add(x[i]);
            (held ? heldY : trainY).add(y[i]);
        }
        checkArgument(!trainX.isEmpty(), "%s: no training rows left for fold %s of %s", data.name(), fold, folds);
        Sequential net = model.create();
        Trainer.Builder b = Trainer.builder(net, optimizer.create(net.parameters()), loss)
                .data(trainX.toArray(new double[0][]), trainY.toArray(new double[0][]))
                .epochs(epochs).targetAccuracy(targetAccuracy).threshold(threshold());
        if (batchSize > 0) {
            b.batchSize(batchSize).shuffle(new SplittableRandom(model.seed()));
        }
        TrainingResult r = b.build().fit();
        double heldAccuracy = heldX.isEmpty() ? Double.NaN
                : Outcome.accuracy(net.predict(heldX.toArray(new double[0][])), heldY, threshold());
        return new Outcome(r.reachedTarget() ? r.epochs() : null, r.epochs(), r.last().loss(), r.last().accuracy(),
                heldAccuracy, r.reason().name(), (System.nanoTime() - start) / 1e6);
    }

    /** The decision threshold of a one-column output: 0.5 on probabilities, 0 on logits. */
    double threshold() {
        return model.output().equals("none") ? 0.0 : 0.5;
    }
}
