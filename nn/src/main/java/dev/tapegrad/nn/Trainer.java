package dev.tapegrad.nn;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A training loop: epochs over a dataset of feature rows and target rows, in batches (full batch,
 * mini-batches or one sample at a time), in order or shuffled with a seeded generator; one
 * {@link Tape} per optimizer step. After each epoch it measures the loss (and, where it applies, the
 * accuracy) over the whole dataset, tells the listeners, and stops early once a target is reached.
 *
 * <pre>{@code
 * TrainingResult r = Trainer.builder(net, sgd, Loss::mse)
 *         .data(features, targets).perSample().epochs(1000).targetAccuracy(1.0)
 *         .build().fit();
 * }</pre>
 *
 * <p>Accuracy: with one target column, a sample is right when prediction and target fall on the same
 * side of the threshold ({@code >=} threshold is class 1; default 0.5, use 0 for logits); with several
 * columns, when the prediction's largest column is the target's. The trainer prints nothing.
 */
public final class Trainer {
    private final Layer model;
    private final Optimizer optimizer;
    private final LossFunction loss;
    private final int n;
    private final int inWidth;
    private final int outWidth;
    private final double[] x;
    private final double[] y;
    private final int batchSize;
    private final RandomGenerator shuffle;
    private final int maxEpochs;
    private final double targetAccuracy;
    private final double targetLoss;
    private final boolean measureAccuracy;
    private final double threshold;
    private final List<TrainingListener> listeners;
    private final int[] order;
    private final double[] batchX;
    private final double[] batchY;
    private final Shape batchXShape;
    private final Shape batchYShape;
    private long steps;

    private Trainer(Builder b) {
        this.model = b.model;
        this.optimizer = b.optimizer;
        this.loss = b.loss;
        this.n = b.features.length;
        this.inWidth = b.features[0].length;
        this.outWidth = b.targets[0].length;
        this.x = flatten(b.features);
        this.y = flatten(b.targets);
        this.batchSize = b.batchSize == 0 ? n : Math.min(b.batchSize, n);
        this.shuffle = b.shuffle;
        this.maxEpochs = b.maxEpochs;
        this.targetAccuracy = b.targetAccuracy;
        this.targetLoss = b.targetLoss;
        this.measureAccuracy = b.measureAccuracy;
        this.threshold = b.threshold;
        this.listeners = List.copyOf(b.listeners);
        this.batchX = new double[batchSize * inWidth];
        this.batchY = new double[batchSize * outWidth];
        this.batchXShape = Shape.of(batchSize, inWidth);
        this.batchYShape = Shape.of(batchSize, outWidth);
        this.order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
    }

    /** A builder training {@code model} with {@code optimizer} to minimise {@code loss}. */
    public static Builder builder(Layer model, Optimizer optimizer, LossFunction loss) {
        return new Builder(model, optimizer, loss);
    }

    /**
     * Trains until a target is reached, a loss is not finite, or the epoch budget runs out. May be
     * called again to continue training (epochs count from 1 again; the optimizer keeps its state).
     */
    public TrainingResult fit() {
        long start = System.nanoTime();
        for (TrainingListener l : listeners) {
            l.onStart(maxEpochs);
        }
        EpochReport report = null;
        TrainingResult.StopReason reason = TrainingResult.StopReason.MAX_EPOCHS;
        int epoch = 0;
        while (epoch < maxEpochs) {
            epoch++;
            if (shuffle != null) {
                shuffleOrder();
            }
            double lossSum = 0;
            for (int from = 0; from < n; from += batchSize) {
                int size = Math.min(batchSize, n - from);
                lossSum += step(from, size) * size;
            }
            double[] eval = evaluate();
            report = new EpochReport(epoch, eval[0], lossSum / n, eval[1], steps,
                    Duration.ofNanos(System.nanoTime() - start));
            for (TrainingListener l : listeners) {
                l.onEpoch(report);
            }
            if (!Double.isFinite(report.trainLoss()) || !Double.isFinite(report.loss())) {
                reason = TrainingResult.StopReason.NOT_FINITE;
                break;
            }
            if (report.hasAccuracy() && report.accuracy() >= targetAccuracy) {
                reason = TrainingResult.StopReason.TARGET_ACCURACY;
                break;
            }
            if (report.loss() <= targetLoss) {
                reason = TrainingResult.StopReason.TARGET_LOSS;
                break;
            }
        }
        TrainingResult result = new TrainingResult(epoch, report, reason);
        for (TrainingListener l : listeners) {
            l.onEnd(result);
        }
        return result;
    }

    /**
     * The loss and accuracy over the whole dataset with the current parameters, as
     * {@code {loss, accuracy}} (accuracy {@code NaN} when not measured). Changes nothing.
     */
    double[] evaluate() {
        Tape tape = new Tape();
        Tensor out = model.forward(tape.constant(Shape.of(n, inWidth), x));
        Tensor target = tape.constant(Shape.of(n, outWidth), y);
        double l = loss.apply(out, target).value();
        double acc = measureAccuracy ? accuracy(out.values()) : Double.NaN;
        return new double[] {l, acc};
    }

    /** One optimizer step on the samples at positions [from, from + size) of the current order. */
    private double step(int from, int size) {
        double[] bx = size == batchSize ? batchX : new double[size * inWidth];
        double[] by = size == batchSize ? batchY : new double[size * outWidth];
        for (int r = 0; r < size; r++) {
            int i = order[from + r];
            System.arraycopy(x, i * inWidth, bx, r * inWidth, inWidth);
            System.arraycopy(y, i * outWidth, by, r * outWidth, outWidth);
        }
        // The tape copies constants, so the batch buffers are reused from step to step.
        Tape tape = new Tape();
        Tensor out = model.forward(tape.constant(size == batchSize ? batchXShape : Shape.of(size, inWidth), bx));
        Scalar l = loss.apply(out, tape.constant(size == batchSize ? batchYShape : Shape.of(size, outWidth), by));
        optimizer.step(l.backward());
        steps++;
        return l.value();
    }

    private double accuracy(double[] p) {
        checkArgument(p.length == n * outWidth, "Trainer: model output has %s values, targets have %s",
                p.length, n * outWidth);
        int right = 0;
        for (int i = 0; i < n; i++) {
            if (outWidth == 1) {
                right += (p[i] >= threshold) == (y[i] >= threshold) ? 1 : 0;
            } else {
                right += argmax(p, i * outWidth) == argmax(y, i * outWidth) ? 1 : 0;
            }
        }
        return (double) right / n;
    }

    private int argmax(double[] v, int offset) {
        int best = 0;
        for (int j = 1; j < outWidth; j++) {
            if (v[offset + j] > v[offset + best]) {
                best = j;
            }
        }
        return best;
    }

    /** Fisher-Yates over the current order, so a seed gives the same sequence of epochs. */
    private void shuffleOrder() {
        for (int i = n - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private static double[] flatten(double[][] rows) {
        int w = rows[0].length;
        double[] flat = new double[rows.length * w];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * w, w);
        }
        return flat;
    }

    /** Settings for a {@link Trainer}; checked by {@link #build()}. */
    public static final class Builder {
        private final Layer model;
        private final Optimizer optimizer;
        private final LossFunction loss;
        private double[][] features;
        private double[][] targets;
        private int batchSize;
        private RandomGenerator shuffle;
        private int maxEpochs = 1;
        private double targetAccuracy = Double.POSITIVE_INFINITY;
        private double targetLoss = Double.NEGATIVE_INFINITY;
        private boolean measureAccuracy = true;
        private double threshold = 0.5;
        private final List<TrainingListener> listeners = new ArrayList<>();

        private Builder(Layer model, Optimizer optimizer, LossFunction loss) {
            this.model = Objects.requireNonNull(model, "Trainer: model");
            this.optimizer = Objects.requireNonNull(optimizer, "Trainer: optimizer");
            this.loss = Objects.requireNonNull(loss, "Trainer: loss");
        }

        /**
         * The dataset: {@code features[i]} is sample {@code i}'s input row, {@code targets[i]} its target
         * row. Copied when built, so later changes to the arrays do not affect training.
         */
        public Builder data(double[][] features, double[][] targets) {
            this.features = Objects.requireNonNull(features, "Trainer: features");
            this.targets = Objects.requireNonNull(targets, "Trainer: targets");
            return this;
        }

        /** Steps on mini-batches of this many samples (the last may be smaller). */
        public Builder batchSize(int batchSize) {
            checkArgument(batchSize > 0, "Trainer: batch size must be positive, got %s", batchSize);
            this.batchSize = batchSize;
            return this;
        }

        /** One step per epoch on the whole dataset (the default). */
        public Builder fullBatch() {
            this.batchSize = 0;
            return this;
        }

        /** One step per sample ("online" SGD). */
        public Builder perSample() {
            return batchSize(1);
        }

        /** Visits the samples in a new random order every epoch, drawn from {@code rng}. */
        public Builder shuffle(RandomGenerator rng) {
            this.shuffle = Objects.requireNonNull(rng, "Trainer: shuffle rng");
            return this;
        }

        /** Visits the samples in the dataset's order every epoch (the default). */
        public Builder inOrder() {
            this.shuffle = null;
            return this;
        }

        /** The most epochs to run; default 1. */
        public Builder epochs(int maxEpochs) {
            checkArgument(maxEpochs > 0, "Trainer: epochs must be positive, got %s", maxEpochs);
            this.maxEpochs = maxEpochs;
            return this;
        }

        /** Stops once the accuracy after an epoch is at least {@code accuracy}, in (0, 1]. */
        public Builder targetAccuracy(double accuracy) {
            checkArgument(accuracy > 0 && accuracy <= 1, "Trainer: target accuracy must be in (0, 1], got %s",
                    accuracy);
            this.targetAccuracy = accuracy;
            return this;
        }

        /** Stops once the loss after an epoch is at most {@code loss}. */
        public Builder targetLoss(double loss) {
            checkArgument(!Double.isNaN(loss), "Trainer: target loss is NaN");
            this.targetLoss = loss;
            return this;
        }

        /** The decision threshold for single-column targets; default 0.5 (use 0 with logits). */
        public Builder threshold(double threshold) {
            checkArgument(Double.isFinite(threshold), "Trainer: threshold must be finite, got %s", threshold);
            this.threshold = threshold;
            this.measureAccuracy = true;
            return this;
        }

        /** Measures no accuracy (regression); reports carry {@code NaN}. */
        public Builder noAccuracy() {
            this.measureAccuracy = false;
            return this;
        }

        /** Adds a listener, called in the order added. */
        public Builder listener(TrainingListener listener) {
            listeners.add(Objects.requireNonNull(listener, "Trainer: listener"));
            return this;
        }

        /**
         * The trainer.
         *
         * @throws IllegalArgumentException if the data are missing, empty or ragged, or a target accuracy is
         *     set while accuracy is not measured
         */
        public Trainer build() {
            checkArgument(features != null, "Trainer: no data; call data(features, targets)");
            checkArgument(features.length > 0, "Trainer: the dataset is empty");
            checkArgument(features.length == targets.length, "Trainer: %s feature rows but %s target rows",
                    features.length, targets.length);
            checkRows("features", features);
            checkRows("targets", targets);
            checkArgument(measureAccuracy || targetAccuracy == Double.POSITIVE_INFINITY,
                    "Trainer: a target accuracy needs accuracy to be measured (remove noAccuracy())");
            return new Trainer(this);
        }

        private static void checkRows(String what, double[][] rows) {
            int w = Objects.requireNonNull(rows[0], () -> "Trainer: " + what + " row 0 is null").length;
            checkArgument(w > 0, "Trainer: %s rows are empty", what);
            for (int i = 0; i < rows.length; i++) {
                Objects.requireNonNull(rows[i], "Trainer: " + what + " row " + i + " is null");
                checkArgument(rows[i].length == w, "Trainer: %s row %s has %s values, row 0 has %s",
                        what, i, rows[i].length, w);
            }
        }
    }
}
