package dev.tapegrad.nn.diagnose;

import static dev.tapegrad.nn.diagnose.Stats.fmt;

import dev.tapegrad.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * The gradients: their norm per layer, parameters that get none, and norms that shrink or grow by
 * orders of magnitude from the last layer to the first.
 */
final class GradientChecks {
    /** First-to-last layer gradient norm ratio below this is vanishing, above its inverse exploding. */
    static final double VANISHING_RATIO = 1e-3;
    /** A layer gradient norm this many times its parameter norm (and above 1) is exploding. */
    static final double EXPLODING_NORM = 1e3;

    private GradientChecks() {}

    static void run(Context c, List<Finding> out) {
        noGradient(c, out);
        List<Context.LayerNorms> ls = c.layers;
        if (ls.isEmpty()) {
            return;
        }
        StringBuilder norms = new StringBuilder();
        for (Context.LayerNorms l : ls) {
            norms.append(norms.length() == 0 ? "" : ", ").append(l.name()).append(": ").append(fmt(l.gradientNorm()));
        }
        Context.LayerNorms first = ls.get(0);
        Context.LayerNorms last = ls.get(ls.size() - 1);
        double ratio = first.gradientNorm() / Math.max(last.gradientNorm(), 1e-300);
        String ratioText = ls.size() > 1 ? "; first/last ratio " + fmt(ratio) : "";
        out.add(Finding.info(Finding.Kind.GRADIENT_NORMS, "Gradient norm per layer: " + norms + ratioText + "."));
        if (ls.size() > 1 && last.gradientNorm() > 0 && ratio < VANISHING_RATIO && !c.lossIsLow()) {
            c.gradientPathology = true;
            out.add(Finding.warning(Finding.Kind.VANISHING_GRADIENTS, String.format(
                    "Gradients vanish towards the input: layer %s gets %s, layer %s gets %s (ratio %s), so the first "
                            + "layers barely learn. Use fewer or wider sigmoid layers, tanh or ReLU hidden units, "
                            + "Xavier/He initialisation, or Adam.", first.name(), fmt(first.gradientNorm()), last.name(),
                    fmt(last.gradientNorm()), fmt(ratio))));
        }
        for (Context.LayerNorms l : ls) {
            if (l.gradientNorm() > EXPLODING_NORM * Math.max(1.0, l.parameterNorm())) {
                c.gradientPathology = true;
                out.add(Finding.warning(Finding.Kind.EXPLODING_GRADIENTS, String.format(
                        "Gradients explode: layer %s has gradient norm %s against parameter norm %s. Lower the learning "
                                + "rate, clip gradients, or scale the inputs and targets.", l.name(),
                        fmt(l.gradientNorm()), fmt(l.parameterNorm()))));
                return;
            }
        }
        if (ls.size() > 1 && ratio > 1 / VANISHING_RATIO) {
            c.gradientPathology = true;
            out.add(Finding.warning(Finding.Kind.EXPLODING_GRADIENTS, String.format(
                    "Gradients grow towards the input: layer %s gets %s, layer %s gets %s (ratio %s). Lower the "
                            + "learning rate or use a smaller initialisation.", first.name(), fmt(first.gradientNorm()),
                    last.name(), fmt(last.gradientNorm()), fmt(ratio))));
        }
    }

    private static void noGradient(Context c, List<Finding> out) {
        List<String> none = new ArrayList<>();
        for (Parameter p : c.model.parameters()) {
            boolean zero = true;
            for (double g : c.probe.gradients.of(p)) {
                zero &= g == 0.0;
            }
            if (zero) {
                none.add(p.name() + " " + p.shape());
            }
        }
        if (!none.isEmpty() && c.saturated) {
            c.gradientPathology = true;
            out.add(Finding.warning(Finding.Kind.VANISHING_GRADIENTS, "No gradient at all (every element exactly 0) "
                    + "reaches " + String.join(", ", none) + ": the saturated units pass none (a sigmoid rounds to "
                    + "exactly 0 or 1 beyond about |x| > 37), so these parameters no longer change."));
        } else if (!none.isEmpty()) {
            out.add(Finding.warning(Finding.Kind.NO_GRADIENT, "Parameters with no gradient at all (every element "
                    + "exactly 0): " + String.join(", ", none) + ". They are not connected to the loss (detached, or "
                    + "their layer's output is not used), or every path to them is blocked (dead ReLU units), so the "
                    + "optimizer never changes them."));
        }
    }
}
