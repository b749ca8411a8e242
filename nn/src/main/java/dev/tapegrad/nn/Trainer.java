package dev.tapegrad.nn;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.nn.data.Dataset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A training loop: epochs over a dataset of feature rows and targets (target rows, or class indices
 * turned into one-hot rows), in batches (full batch, mini-batches or one sample at a time), in order
 * or shuffled with a seeded generator; one {@link Tape} per optimizer step. After each epoch it
 * measures the loss and accuracy over the training data (and over a validation set, if given), tells
 * the listeners, and stops once a target is reached or, with early stopping, once the validation loss
 * has not improved for a number of epochs; the model then holds the best epoch's weights.
 *
 * <pre>{@code
 * TrainingResult r = Trainer.builder(net, adam, Loss::crossEntropy)
 *         .data(train).validation(validation).batchSize(32).shuffle(rng).epochs(200)
 *         .earlyStopping(20).schedule(LearningRateSchedule.cosine(200, 0)).clipGradientNorm(5)
 *         .build().fit();
 * }</pre>
 *
 * <p>Accuracy: with one target column, a sample is right when prediction and target fall on the same
 * side of the threshold ({@code >=} threshold is class 1; default 0.5, use 0 for logits); with several
 * columns, when the prediction's largest column is the target's. A NaN prediction is always wrong.
 * Steps run in training mode ({@link Layer#train()}), evaluations in evaluation mode, which the model
 * is left in. The trainer prints nothing.
 */
public final class Trainer {
    private final Layer model;
    private final Optimizer optimizer;
    private final LossFunction loss;
    private final TrainingData train;
    private final TrainingData validation;
    private final int batchSize;
    private final RandomGenerator shuffle;
    private final int maxEpochs;
    private final double targetAccuracy;
    private final double targetLoss;
    private final boolean measureAccuracy;
    private final double threshold;
    private final int patience;
    private final double minDelta;
    private final LearningRateSchedule schedule;
    private final double baseRate;
    private final double maxGradNorm;
    private final List<TrainingListener> listeners;
    private final int[] order;
    private long steps;

    private Trainer(Builder b) {
        this.model = b.model;
        this.optimizer = b.optimizer;
        this.loss = b.loss;
        this.train = b.train;
        this.validation = b.validation;
        this.batchSize = b.batchSize == 0 ? train.n : Math.min(b.batchSize, train.n);
        this.shuffle = b.shuffle;
        this.maxEpochs = b.maxEpochs;
        this.targetAccuracy = b.targetAccuracy;
        this.targetLoss = b.targetLoss;
        this.measureAccuracy = b.measureAccuracy;
        this.threshold = b.threshold;
        this.patience = b.patience;
        this.minDelta = b.minDelta;
        this.schedule = b.schedule;
        this.baseRate = b.schedule == null ? Double.NaN : b.optimizer.learningRate();
        this.maxGradNorm = b.maxGradNorm;
        this.listeners = List.copyOf(b.listeners);
        this.order = new int[train.n];
        for (int i = 0; i < train.n; i++) {
            order[i] = i;
        }
    }

    /** A builder training {@code model} with {@code optimizer} to minimise {@code loss}. */
    public static Builder builder(Layer model, Optimizer optimizer, LossFunction loss) {
        return new Builder(model, optimizer, loss);
    }

    /**
     * Trains until a target is reached, a loss is not finite, early stopping ends it, or the epoch budget
     * runs out. May be called again to continue training (epochs count from 1 again; the optimizer keeps
     * its state, and a schedule starts over from the learning rate the optimizer had when built).
     */
    public TrainingResult fit() {
        long start = System.nanoTime();
        for (TrainingListener l : listeners) {
            l.onStart(maxEpochs);
        }
        List<EpochReport> history = new ArrayList<>();
        EpochReport best = null;
        double[][] bestWeights = null;
        TrainingResult.StopReason reason = TrainingResult.StopReason.MAX_EPOCHS;
        for (int epoch = 1; epoch <= maxEpochs; epoch++) {
            if (schedule != null) {
                optimizer.setLearningRate(schedule.rate(epoch, baseRate));
            }
            if (shuffle != null) {
                shuffleOrder();
            }
            model.setTraining(true);
            double lossSum = 0;
            for (int from = 0; from < train.n; from += batchSize) {
                int size = Math.min(batchSize, train.n - from);
                lossSum += step(from, size) * size;
            }
            model.setTraining(false);
            double[] t = train.evaluate(model, loss, measureAccuracy, threshold);
            double[] v = validation == null ? new double[] {Double.NaN, Double.NaN}
                    : validation.evaluate(model, loss, measureAccuracy, threshold);
            double rate = schedule != null ? optimizer.learningRate() : Double.NaN;
            EpochReport report = new EpochReport(epoch, t[0], lossSum / train.n, t[1], v[0], v[1], rate, steps,
                    Duration.ofNanos(System.nanoTime() - start));
            history.add(report);
            for (TrainingListener l : listeners) {
                l.onEpoch(report);
            }
            if (!Double.isFinite(report.trainLoss()) || !Double.isFinite(report.loss())) {
                reason = TrainingResult.StopReason.NOT_FINITE;
                break;
            }
            if (patience > 0) {
                if (best == null || report.validationLoss() < best.validationLoss() - minDelta) {
                    best = report;
                    bestWeights = Weights.snapshot(model.parameters());
                } else if (epoch - best.epoch() >= patience) {
                    reason = TrainingResult.StopReason.EARLY_STOPPED;
                    break;
                }
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
        EpochReport last = history.get(history.size() - 1);
        if (bestWeights != null && best != last) {
            Weights.restore(model.parameters(), bestWeights);
        }
        TrainingResult result = new TrainingResult(history.size(), last, reason, history, best != null ? best : last);
        for (TrainingListener l : listeners) {
            l.onEnd(result);
        }
        return result;
    }

    /** One optimizer step on the samples at positions [from, from + size) of the current order. */
    private double step(int from, int size) {
        int in = train.inWidth;
        int out = train.outWidth;
        double[] bx = new double[size * in];
        double[] by = new double[size * out];
        for (int r = 0; r < size; r++) {
            int i = order[from + r];
            System.arraycopy(train.x, i * in, bx, r * in, in);
            System.arraycopy(train.y, i * out, by, r * out, out);
        }
        Tape tape = new Tape();
        Tensor prediction = model.forward(tape.constant(Shape.of(size, in), bx));
        Scalar l = loss.apply(prediction, tape.constant(Shape.of(size, out), by));
        Gradients g = l.backward();
        if (maxGradNorm < Double.POSITIVE_INFINITY) {
            double norm = Weights.gradientNorm(g, optimizer.parameters());
            if (norm > maxGradNorm) {
                // The gradient is linear in the seed, so scaling the loss scales every gradient by the same factor.
                g = l.mul(maxGradNorm / norm).backward();
            }
        }
        optimizer.step(g);
        steps++;
        return l.value();
    }

    /** Fisher-Yates over the current order, so a seed gives the same sequence of epochs. */
    private void shuffleOrder() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** Settings for a {@link Trainer}; checked by {@link #build()}. */
    public static final class Builder {
        private final Layer model;
        private final Optimizer optimizer;
        private final LossFunction loss;
        private TrainingData train;
        private TrainingData validation;
        private int batchSize;
        private RandomGenerator shuffle;
        private int maxEpochs = 1;
        private double targetAccuracy = Double.POSITIVE_INFINITY;
        private double targetLoss = Double.NEGATIVE_INFINITY;
        private boolean measureAccuracy = true;
        private double threshold = 0.5;
        private int patience;
        private double minDelta;
        private LearningRateSchedule schedule;
        private double maxGradNorm = Double.POSITIVE_INFINITY;
        private final List<TrainingListener> listeners = new ArrayList<>();

        private Builder(Layer model, Optimizer optimizer, LossFunction loss) {
            this.model = Objects.requireNonNull(model, "Trainer: model");
            this.optimizer = Objects.requireNonNull(optimizer, "Trainer: optimizer");
            this.loss = Objects.requireNonNull(loss, "Trainer: loss");
        }

        /**
         * The training data: {@code features[i]} is sample {@code i}'s input row, {@code targets[i]} its
         * target row. Copied, so later changes to the arrays do not affect training.
         *
         * @throws IllegalArgumentException if the data are empty or ragged, or the row counts differ */
        public Builder data(double[][] features, double[][] targets) {
            train = TrainingData.ofRows("training", features, targets);
            return this;
        }

        /**
         * Training data with class-index targets, {@code 0 <= classes[i] < numClasses}; the loss sees them as
         * one-hot rows (so {@code Loss::crossEntropy} is PyTorch's cross-entropy with class indices).
         */
        public Builder data(double[][] features, int[] classes, int numClasses) {
            train = TrainingData.ofClasses("training", features, classes, numClasses);
            return this;
        }

        /** The training data from a dataset (its target rows, or its classes as one-hot rows). */
        public Builder data(Dataset data) {
            train = TrainingData.of("training", data);
            return this;
        }

        /** A validation set, evaluated after every epoch and never trained on; see {@link #data(double[][], double[][])}. */
        public Builder validation(double[][] features, double[][] targets) {
            validation = TrainingData.ofRows("validation", features, targets);
            return this;
        }

        /** A validation set with class-index targets; see {@link #data(double[][], int[], int)}. */
        public Builder validation(double[][] features, int[] classes, int numClasses) {
            validation = TrainingData.ofClasses("validation", features, classes, numClasses);
            return this;
        }

        /** A validation set from a dataset. */
        public Builder validation(Dataset data) {
            validation = TrainingData.of("validation", data);
            return this;
        }

        /** Steps on mini-batches of this many samples (the last may be smaller). */
        public Builder batchSize(int batchSize) {
            checkArgument(batchSize > 0, "Trainer: batch size must be positive, got %s", batchSize);
            this.batchSize = batchSize;
            return this;
        }

        /** One step per epoch on the whole training set (the default). */
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

        /** Stops once the training accuracy after an epoch is at least {@code accuracy}, in (0, 1]. */
        public Builder targetAccuracy(double accuracy) {
            checkArgument(accuracy > 0 && accuracy <= 1, "Trainer: target accuracy must be in (0, 1], got %s",
                    accuracy);
            this.targetAccuracy = accuracy;
            return this;
        }

        /** Stops once the training loss after an epoch is at most {@code loss}. */
        public Builder targetLoss(double loss) {
            checkArgument(!Double.isNaN(loss), "Trainer: target loss is NaN");
            this.targetLoss = loss;
            return this;
        }

        /**
         * Early stopping: stops once the validation loss has not improved for {@code patience} epochs, and
         * in any case leaves the model with the weights of the epoch whose validation loss was lowest.
         * Needs a validation set.
         */
        public Builder earlyStopping(int patience) {
            return earlyStopping(patience, 0);
        }

        /**
         * Early stopping where an epoch counts as an improvement only when it lowers the best validation
         * loss so far by more than {@code minDelta} (Keras's {@code min_delta}); the model keeps the last
         * such epoch's weights.
         */
        public Builder earlyStopping(int patience, double minDelta) {
            checkArgument(patience > 0, "Trainer: patience must be positive, got %s", patience);
            checkArgument(minDelta >= 0 && Double.isFinite(minDelta), "Trainer: minDelta must be finite and >= 0, got %s",
                    minDelta);
            this.patience = patience;
            this.minDelta = minDelta;
            return this;
        }

        /** Sets the optimizer's learning rate before every epoch from its rate at build time. */
        public Builder schedule(LearningRateSchedule schedule) {
            this.schedule = Objects.requireNonNull(schedule, "Trainer: schedule");
            return this;
        }

        /**
         * Scales each step's gradients down to a total 2-norm of {@code maxNorm} over all the optimizer's
         * parameters when it is larger (PyTorch's {@code clip_grad_norm_}).
         */
        public Builder clipGradientNorm(double maxNorm) {
            checkArgument(maxNorm > 0 && Double.isFinite(maxNorm), "Trainer: the gradient norm limit must be finite "
                    + "and > 0, got %s", maxNorm);
            this.maxGradNorm = maxNorm;
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
         * @throws IllegalArgumentException if there are no data; a target accuracy is set
         *     while accuracy is not measured; early stopping has no validation set; or the loss is 0 whatever
         *     a one-column model outputs (cross-entropy over one column: use {@code bceWithLogits})
         */
        public Trainer build() {
            checkArgument(train != null, "Trainer: no data; call data(features, targets)");
            checkArgument(validation == null || (validation.inWidth == train.inWidth && validation.outWidth == train.outWidth),
                    "Trainer: validation rows have %s features and %s target columns, training rows %s and %s",
                    validation == null ? 0 : validation.inWidth, validation == null ? 0 : validation.outWidth,
                    train.inWidth, train.outWidth);
            checkArgument(measureAccuracy || targetAccuracy == Double.POSITIVE_INFINITY,
                    "Trainer: a target accuracy needs accuracy to be measured (remove noAccuracy())");
            checkArgument(patience == 0 || validation != null,
                    "Trainer: early stopping watches the validation loss; call validation(...) too");
            train.checkLossDependsOnOutput(loss);
            return new Trainer(this);
        }
    }
}
