package dev.tapegrad.nn.diagnose;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.check.OpCheck;
import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.nn.Layer;
import dev.tapegrad.nn.LossFunction;
import dev.tapegrad.nn.TrainingResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why a network is not learning, in plain sentences: the findings of one diagnostic step on a batch,
 * each with a severity and the numbers behind it. A healthy network gets nothing above
 * {@link Severity#INFO}.
 *
 * <p>The diagnosis runs the model's forward on the batch layer by layer on a tape of its own, takes
 * the loss's gradients, and looks at: NaN or infinity (naming the first op that produced it), each op's
 * derivative against finite differences of its forward ({@link dev.tapegrad.autograd.check.OpCheck}), outputs
 * that do not vary across the batch, saturated sigmoid/tanh and dead ReLU units per layer, gradient
 * norms per layer (vanishing, exploding, missing), the update-to-parameter ratio for the learning
 * rate, and, given the loss history, a loss that rises, oscillates or has plateaued above zero. It
 * changes no parameter.
 *
 * <pre>{@code
 * Diagnosis d = Diagnosis.builder(net, Loss::mse, features, targets)
 *         .learningRate(0.5).lossHistory(losses).run();
 * if (d.hasProblems()) System.out.println(d);
 * }</pre>
 */
public final class Diagnosis {
    private final List<Finding> findings;

    private Diagnosis(List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing(Finding::severity).reversed()); // stable: checks' order within a severity
        this.findings = List.copyOf(sorted);
    }

    /**
     * Diagnoses {@code model} on one batch with no learning rate or history: the checks that need
     * them are skipped. {@code features[i]} and {@code targets[i]} are sample {@code i}'s rows.
     */
    public static Diagnosis run(Layer model, LossFunction loss, double[][] features, double[][] targets) {
        return builder(model, loss, features, targets).run();
    }

    /** A builder for a diagnosis of {@code model} on this batch, to add the learning rate and history. */
    public static Builder builder(Layer model, LossFunction loss, double[][] features, double[][] targets) {
        return new Builder(model, loss, features, targets);
    }

    /** Every finding, most severe first. */
    public List<Finding> findings() {
        return findings;
    }

    /** The findings of at least this severity, most severe first. */
    public List<Finding> atLeast(Severity severity) {
        return findings.stream().filter(f -> f.severity().atLeast(severity)).toList();
    }

    /** The findings of this kind. */
    public List<Finding> of(Finding.Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    /** The most severe finding of this kind, if any. */
    public Optional<Finding> find(Finding.Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).findFirst();
    }

    /** Whether anything is above {@link Severity#INFO}. */
    public boolean hasProblems() {
        return !atLeast(Severity.WARNING).isEmpty();
    }

    /** The highest severity found ({@link Severity#INFO} when there are no findings). */
    public Severity worst() {
        return findings.isEmpty() ? Severity.INFO : findings.get(0).severity();
    }

    /** One line per finding, most severe first, each {@code [SEVERITY] sentence}. */
    @Override
    public String toString() {
        return findings.stream().map(Finding::toString).collect(Collectors.joining("\n"));
    }

    /** Settings of a diagnosis; {@link #run()} performs it. */
    public static final class Builder {
        private final Layer model;
        private final LossFunction loss;
        private final double[][] features;
        private final double[][] targets;
        private double learningRate = Double.NaN;
        private List<Double> history = List.of();
        private Gradients step;
        private double observedUpdateRatio = Double.NaN;
        private Map<String, Double> measuredRatios = Map.of();
        private TrainingResult outcome;

        private Builder(Layer model, LossFunction loss, double[][] features, double[][] targets) {
            this.model = Objects.requireNonNull(model, "diagnosis: model");
            this.loss = Objects.requireNonNull(loss, "diagnosis: loss");
            this.features = Objects.requireNonNull(features, "diagnosis: features");
            this.targets = Objects.requireNonNull(targets, "diagnosis: targets");
            checkArgument(features.length > 0, "diagnosis: the batch is empty");
            checkArgument(features.length == targets.length, "diagnosis: %s feature rows but %s target rows",
                    features.length, targets.length);
            checkRows("features", features);
            checkRows("targets", targets);
        }

        /**
         * The learning rate, to estimate each layer's update-to-parameter ratio as plain SGD's step,
         * learning rate times gradient; for other optimizers give {@link #measuredUpdateRatios(Map)}.
         */
        public Builder learningRate(double learningRate) {
            checkArgument(learningRate > 0 && Double.isFinite(learningRate),
                    "diagnosis: learning rate must be positive and finite, got %s", learningRate);
            this.learningRate = learningRate;
            return this;
        }

        /** The loss after each epoch so far, oldest first (copied), to judge the trend. */
        public Builder lossHistory(List<Double> losses) {
            this.history = List.copyOf(Objects.requireNonNull(losses, "diagnosis: loss history"));
            return this;
        }

        /**
         * The gradients of one of the user's own training steps: its tape is searched for the first op
         * that produced a NaN or infinity, besides the diagnosis's own step.
         */
        public Builder step(Gradients gradients) {
            this.step = Objects.requireNonNull(gradients, "diagnosis: step gradients");
            return this;
        }

        /**
         * The largest update-to-parameter norm ratio of one step observed while training in an epoch
         * whose loss did not fall (a {@link DiagnosisListener} measures it): an overshooting step, which
         * shows a learning rate that was too large even after the units it drove into saturation stopped
         * passing gradient. Large steps that lowered the loss are progress and do not count.
         */
        public Builder observedUpdateRatio(double ratio) {
            checkArgument(ratio >= 0, "diagnosis: observed update ratio must be >= 0, got %s", ratio);
            this.observedUpdateRatio = ratio;
            return this;
        }

        /**
         * The update-to-parameter norm ratio of one step per layer as measured while training (layer
         * names as in parameter names: {@code 0} for {@code 0.weight}); used instead of the estimate from
         * the learning rate, so the check holds for any optimizer (momentum, Adam). A
         * {@link DiagnosisListener} measures them over the last epoch.
         */
        public Builder measuredUpdateRatios(Map<String, Double> perLayer) {
            this.measuredRatios = Map.copyOf(Objects.requireNonNull(perLayer, "diagnosis: measured update ratios"));
            return this;
        }

        /**
         * How training ended. When it missed its target (or ran out of epochs with the loss still high)
         * and no check finds a cause, the diagnosis still warns, with what the loss trend suggests: a
         * failed run never gets a clean bill of health.
         */
        public Builder outcome(TrainingResult result) {
            this.outcome = Objects.requireNonNull(result, "diagnosis: training result");
            return this;
        }

        /** Runs the checks. Changes no parameter of the model. */
        public Diagnosis run() {
            Probe probe = new Probe(model, loss, features, targets);
            Context c = new Context(model, probe, learningRate, new LossTrend(history), step, observedUpdateRatio,
                    measuredRatios);
            List<Finding> out = new ArrayList<>();
            NonFiniteCheck.run(c, out);
            if (!c.nonFinite) {
                LossSummary.run(c, out);
                DerivativeCheck.run(c, out);
                TrainingChecks.learningRate(c, out);
                ActivationChecks.run(c, out);
                GradientChecks.run(c, out);
                CapacityCheck.run(c, out);
                TargetMissed.run(c, outcome, out);
            }
            return new Diagnosis(out);
        }

        private static void checkRows(String what, double[][] rows) {
            int w = Objects.requireNonNull(rows[0], "diagnosis: " + what + " row 0 is null").length;
            checkArgument(w > 0, "diagnosis: %s rows are empty", what);
            for (int i = 0; i < rows.length; i++) {
                checkArgument(rows[i] != null && rows[i].length == w, "diagnosis: %s row %s is not %s wide", what, i, w);
            }
        }
    }
}
