package dev.tapegrad.nn.diagnose;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.nn.Layer;
import dev.tapegrad.nn.Parameter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the checks share: the diagnostic step, the settings, and the measurements several checks use
 * (per-layer norms, how far the loss is above zero). Checks record a few conclusions here for later
 * checks (for example, saturation explains a plateau, so it is not blamed on the network's size).
 */
final class Context {
    /**
     * The norms of one layer that has parameters; the update ratio is measured (a listener saw the
     * parameters move) or estimated as learning rate times gradient norm over parameter norm, NaN if
     * neither is known.
     */
    record LayerNorms(String name, Layer layer, int width, double parameterNorm, double gradientNorm,
            double updateRatio) {}

    final Layer model;
    final Probe probe;
    final double learningRate;
    final LossTrend trend;
    final Gradients userStep;
    final List<LayerNorms> layers = new ArrayList<>();
    final double loss;
    /** Gradient norm of all parameters together, times their norm, over the loss: near 0 at a stationary point. */
    final double sensitivity;
    final int parameterCount;
    /** The largest per-step update-to-parameter ratio observed during training, or NaN. */
    final double observedUpdateRatio;

    boolean nonFinite;
    boolean saturated;
    boolean constantOutput;
    boolean gradientPathology;
    /** Some parameter connected to the loss has a gradient of exactly 0. */
    boolean zeroGradientConnected;
    /** Every gradient is tiny next to the loss: training sits at a stationary point. */
    boolean stationary;
    boolean learningRateTooLow;
    boolean learningRateTooHigh;
    /** Most units of some ReLU layer output 0 for every sample. */
    boolean deadUnits;
    /** Some hidden layer has identical units (equal weights in and out), which training cannot separate. */
    boolean symmetric;
    /** The network as it really computes, such as {@code 3-1-1} for a 3-4-1 network with 4 identical units. */
    String effectiveShape = "";

    /** Whether the update ratios were measured from real steps rather than estimated. */
    final boolean measuredRatios;
    /** Each parameter's name in the model, such as {@code 0.weight}. */
    private final Map<Parameter, String> names = new IdentityHashMap<>();

    Context(Layer model, Probe probe, double learningRate, LossTrend trend, Gradients userStep,
            double observedUpdateRatio, Map<String, Double> measured) {
        this.observedUpdateRatio = observedUpdateRatio;
        this.measuredRatios = !measured.isEmpty();
        this.model = model;
        this.probe = probe;
        this.learningRate = learningRate;
        this.trend = trend;
        this.userStep = userStep;
        this.loss = probe.loss.value();
        model.namedParameters().forEach((name, p) -> names.put(p, name));
        double g2 = 0;
        double p2 = 0;
        int count = 0;
        for (Probe.Step s : probe.steps) {
            List<Parameter> ps = s.layer().parameters();
            if (ps.isEmpty()) {
                continue;
            }
            double lg = 0;
            double lp = 0;
            for (Parameter p : ps) {
                double gn = Stats.norm(probe.gradients.of(p));
                double pn = Stats.norm(p.values());
                lg += gn * gn;
                lp += pn * pn;
                count += p.size();
            }
            g2 += lg;
            p2 += lp;
            double ratio = measuredRatios ? measured.getOrDefault(s.name(), Double.NaN)
                    : learningRate * Math.sqrt(lg) / Math.max(Math.sqrt(lp), 1e-12);
            layers.add(new LayerNorms(s.name(), s.layer(), s.width(), Math.sqrt(lp), Math.sqrt(lg), ratio));
        }
        this.parameterCount = count;
        this.sensitivity = Math.sqrt(g2) * Math.sqrt(p2) / Math.max(Math.abs(loss), 1e-300);
    }

    /** The parameter's name in the model, such as {@code 0.weight}. */
    String nameOf(Parameter p) {
        return names.getOrDefault(p, p.name());
    }

    /**
     * Whether the loss is that of predicting the mean target, within 2%: the claim "at the mean-target
     * plateau" needs this as well as an output whose mean is the targets'.
     */
    boolean atBaselineLoss() {
        double base = probe.baselineLoss;
        return Double.isFinite(base) && Math.abs(loss - base) <= 0.02 * Math.max(Math.abs(base), 1e-12);
    }

    /** Whether the loss is close to zero, or far below predicting the mean target. */
    boolean lossIsLow() {
        double base = probe.baselineLoss;
        return Math.abs(loss) < 1e-3 || (Double.isFinite(base) && base > 0 && loss < 0.1 * base);
    }

    /** Whether the diagnosis knows the learning rate. */
    boolean knowsLearningRate() {
        return !Double.isNaN(learningRate);
    }

    /** Whether there are update ratios to judge, measured or estimated. */
    boolean knowsUpdateRatios() {
        return measuredRatios || knowsLearningRate();
    }
}
