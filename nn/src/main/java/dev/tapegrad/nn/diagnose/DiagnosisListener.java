package dev.tapegrad.nn.diagnose;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.nn.EpochReport;
import dev.tapegrad.nn.Layer;
import dev.tapegrad.nn.LossFunction;
import dev.tapegrad.nn.Parameter;
import dev.tapegrad.nn.TrainingListener;
import dev.tapegrad.nn.TrainingResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A training listener that diagnoses the model every few epochs and when training ends, with the loss
 * history so far (starting with the loss before the first epoch), each layer's measured update per step
 * over the last epoch (so the learning-rate checks hold for any optimizer), and the largest per-step
 * parameter update it has seen in an epoch that did not lower the loss. It keeps the latest
 * {@link Diagnosis} and hands each one to an optional consumer, once: a periodic diagnosis reaches the
 * consumer when the next epoch ends, and when training ends first, the final diagnosis (made with the
 * outcome, so a run that missed its target always gets at least one warning) takes its place. It reads
 * the model and never changes it; it copies the parameters once per epoch to measure updates.
 *
 * <pre>{@code
 * DiagnosisListener diagnosis = DiagnosisListener.builder(net, Loss::mse, x, y).learningRate(0.5).every(100).build();
 * TrainingResult r = trainer.listener(diagnosis)...build().fit();
 * if (!r.reachedTarget()) System.out.println(diagnosis.latest().orElseThrow());
 * }</pre>
 */
public final class DiagnosisListener implements TrainingListener {
    private final Layer model;
    private final LossFunction loss;
    private final double[][] features;
    private final double[][] targets;
    private final double learningRate;
    private final int every;
    private final Consumer<Diagnosis> consumer;
    private final List<Double> history = new ArrayList<>();
    private double[][] previous;
    private long previousSteps;
    private double largestUpdate;
    private Map<String, Double> lastEpochRatios = Map.of();
    private int epoch;
    private Diagnosis latest;
    /** A periodic diagnosis not yet handed to the consumer: the final one replaces it if training ends now. */
    private Diagnosis pending;
    private TrainingResult outcome;

    private DiagnosisListener(Builder b) {
        this.model = b.model;
        this.loss = b.loss;
        this.features = b.features;
        this.targets = b.targets;
        this.learningRate = b.learningRate;
        this.every = b.every;
        this.consumer = b.consumer;
    }

    /** A builder for a listener diagnosing {@code model} on this data (usually the training set). */
    public static Builder builder(Layer model, LossFunction loss, double[][] features, double[][] targets) {
        return new Builder(model, loss, features, targets);
    }

    @Override
    public void onStart(int maxEpochs) {
        history.clear();
        latest = null;
        pending = null;
        outcome = null;
        largestUpdate = 0;
        lastEpochRatios = Map.of();
        epoch = 0;
        previousSteps = 0;
        previous = snapshot();
        history.add(currentLoss());
    }

    @Override
    public void onEpoch(EpochReport report) {
        deliverPending(); // training went on past the epoch it was made at, so it was not the final one
        epoch = report.epoch();
        double before = history.get(history.size() - 1);
        history.add(report.loss());
        double[][] now = snapshot();
        long steps = Math.max(1, report.steps() - previousSteps);
        // A large step that lowered the loss is progress (the first steps from a small initialisation
        // often move the weights by half their norm); only a large step the loss did not reward is overshoot.
        if (!(report.loss() < before)) {
            largestUpdate = Math.max(largestUpdate, relativeChange(previous, now) / steps);
        }
        lastEpochRatios = perLayerChange(previous, now, steps);
        previous = now;
        previousSteps = report.steps();
        if (epoch % every == 0) {
            pending = run();
        }
    }

    /**
     * Diagnoses once more, now that the outcome is known; this final diagnosis replaces one made at the
     * same last epoch, so the consumer sees the end of training once.
     */
    @Override
    public void onEnd(TrainingResult result) {
        outcome = result;
        pending = null;
        deliver(run());
    }

    /** The most recent diagnosis, if one has run. */
    public Optional<Diagnosis> latest() {
        return Optional.ofNullable(latest);
    }

    /** The loss before training, then after each epoch so far; a copy. */
    public List<Double> lossHistory() {
        return List.copyOf(history);
    }

    /**
     * Diagnoses the model now, with everything recorded so far, and hands it to the consumer; also the
     * new {@link #latest()}.
     */
    public Diagnosis diagnose() {
        deliverPending();
        return deliver(run());
    }

    private void deliverPending() {
        if (pending != null) {
            Diagnosis d = pending;
            pending = null;
            deliver(d);
        }
    }

    private Diagnosis deliver(Diagnosis d) {
        if (consumer != null) {
            consumer.accept(d);
        }
        return d;
    }

    /** A diagnosis with everything recorded so far, made the new {@link #latest()}. */
    private Diagnosis run() {
        Diagnosis.Builder b = Diagnosis.builder(model, loss, features, targets).lossHistory(history);
        if (!Double.isNaN(learningRate)) {
            b.learningRate(learningRate);
        }
        if (epoch > 0 && Double.isFinite(largestUpdate)) {
            b.observedUpdateRatio(largestUpdate);
            b.measuredUpdateRatios(lastEpochRatios);
        }
        if (outcome != null) {
            b.outcome(outcome);
        }
        latest = b.run();
        return latest;
    }

    private double currentLoss() {
        Tape tape = new Tape();
        int n = features.length;
        return loss.apply(model.forward(tape.constant(Shape.of(n, features[0].length), Probe.flatten(features))),
                tape.constant(Shape.of(n, targets[0].length), Probe.flatten(targets))).value();
    }

    private double[][] snapshot() {
        List<Parameter> ps = model.parameters();
        double[][] s = new double[ps.size()][];
        for (int i = 0; i < s.length; i++) {
            s[i] = ps.get(i).values();
        }
        return s;
    }

    private static double relativeChange(double[][] before, double[][] after) {
        double d2 = 0;
        double p2 = 0;
        for (int i = 0; i < before.length; i++) {
            for (int j = 0; j < before[i].length; j++) {
                double d = after[i][j] - before[i][j];
                d2 += d * d;
                p2 += before[i][j] * before[i][j];
            }
        }
        return Math.sqrt(d2) / Math.max(Math.sqrt(p2), 1e-12);
    }

    /**
     * Each layer's parameter movement over the last epoch per step, relative to its norm before; layers
     * named as parameter names are prefixed ({@code 0} for {@code 0.weight}).
     */
    private Map<String, Double> perLayerChange(double[][] before, double[][] after, long steps) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        List<String> names = List.copyOf(model.namedParameters().keySet());
        for (int i = 0; i < before.length; i++) {
            String name = names.get(i);
            int dot = name.lastIndexOf('.');
            double[] acc = sums.computeIfAbsent(dot < 0 ? "model" : name.substring(0, dot), k -> new double[2]);
            for (int j = 0; j < before[i].length; j++) {
                double d = after[i][j] - before[i][j];
                acc[0] += d * d;
                acc[1] += before[i][j] * before[i][j];
            }
        }
        Map<String, Double> ratios = new LinkedHashMap<>();
        sums.forEach((k, v) -> {
            double r = Math.sqrt(v[0]) / Math.max(Math.sqrt(v[1]), 1e-12) / steps;
            if (Double.isFinite(r)) {
                ratios.put(k, r);
            }
        });
        return ratios;
    }

    /** Settings of a {@link DiagnosisListener}. */
    public static final class Builder {
        private final Layer model;
        private final LossFunction loss;
        private final double[][] features;
        private final double[][] targets;
        private double learningRate = Double.NaN;
        private int every = 100;
        private Consumer<Diagnosis> consumer;

        private Builder(Layer model, LossFunction loss, double[][] features, double[][] targets) {
            this.model = Objects.requireNonNull(model, "diagnosis listener: model");
            this.loss = Objects.requireNonNull(loss, "diagnosis listener: loss");
            this.features = Objects.requireNonNull(features, "diagnosis listener: features");
            this.targets = Objects.requireNonNull(targets, "diagnosis listener: targets");
            checkArgument(features.length > 0 && features.length == targets.length,
                    "diagnosis listener: %s feature rows and %s target rows; need the same positive number",
                    features.length, targets.length);
        }

        /** The optimizer's learning rate, for the update-to-parameter ratio. */
        public Builder learningRate(double learningRate) {
            checkArgument(learningRate > 0 && Double.isFinite(learningRate),
                    "diagnosis listener: learning rate must be positive and finite, got %s", learningRate);
            this.learningRate = learningRate;
            return this;
        }

        /** Diagnoses every {@code epochs} epochs (default 100), besides once at the end. */
        public Builder every(int epochs) {
            checkArgument(epochs > 0, "diagnosis listener: every must be positive, got %s", epochs);
            this.every = epochs;
            return this;
        }

        /**
         * Receives each diagnosis once (for example, to print it): a periodic one when the next epoch
         * ends, the final one when training ends.
         */
        public Builder onDiagnosis(Consumer<Diagnosis> consumer) {
            this.consumer = Objects.requireNonNull(consumer, "diagnosis listener: consumer");
            return this;
        }

        /** The listener. */
        public DiagnosisListener build() {
            return new DiagnosisListener(this);
        }
    }
}
