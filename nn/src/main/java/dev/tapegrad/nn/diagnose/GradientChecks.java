package dev.tapegrad.nn.diagnose;

import static dev.tapegrad.nn.diagnose.Stats.fmt;

import dev.tapegrad.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        if (c.sensitivity < TrainingChecks.STATIONARY && !c.lossIsLow()) {
            // Every layer's gradient is tiny next to the loss: a stationary point, not a gradient lost on
            // the way in.
            c.stationary = true;
            if (!c.zeroGradientConnected) {
                out.add(Finding.warning(Finding.Kind.VANISHING_GRADIENTS, String.format("The gradient has all but "
                        + "vanished in every layer (%s) while the loss is still %s: training sits at a stationary point "
                        + "of the loss (gradient sensitivity %s, below %s)%s, and the optimizer barely moves.", norms,
                        fmt(c.loss), fmt(c.sensitivity), fmt(TrainingChecks.STATIONARY), c.atBaselineLoss()
                                ? ", the mean-target plateau (the loss is that of predicting the mean target)" : "")));
            }
            return;
        }
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
        List<Parameter> zero = new ArrayList<>();
        for (Parameter p : c.model.parameters()) {
            boolean allZero = true;
            for (double g : c.probe.gradients.of(p)) {
                allZero &= g == 0.0;
            }
            if (allZero) {
                zero.add(p);
            }
        }
        if (zero.isEmpty()) {
            return;
        }
        // Whether a zero gradient means "detached" is a question about the tape's structure, not the numbers.
        Map<Parameter, Connectivity.Link> links = Connectivity.of(c.model, c.probe.lossFunction, c.probe.featureRows,
                c.probe.targetRows, zero);
        List<String> notOnTape = new ArrayList<>();
        List<String> noPath = new ArrayList<>();
        List<String> connected = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Parameter p : zero) {
            String s = c.nameOf(p) + " " + p.shape();
            switch (links.get(p)) {
                case NOT_ON_TAPE -> notOnTape.add(s);
                case NO_PATH -> noPath.add(s);
                case CONNECTED -> connected.add(s);
                default -> unknown.add(s);
            }
        }
        if (!unknown.isEmpty()) {
            out.add(Finding.warning(Finding.Kind.NO_GRADIENT, "Parameters with no gradient at all (every element "
                    + "exactly 0): " + String.join(", ", unknown) + ". Either they are not connected to the loss, or "
                    + "the gradient reaching them has vanished; the optimizer does not change them."));
        }
        if (!notOnTape.isEmpty() || !noPath.isEmpty()) {
            StringBuilder why = new StringBuilder();
            if (!notOnTape.isEmpty()) {
                why.append(String.join(", ", notOnTape)).append(notOnTape.size() == 1 ? " is" : " are")
                        .append(" never put on the tape: the forward pass does not use ")
                        .append(notOnTape.size() == 1 ? "it" : "them");
            }
            if (!noPath.isEmpty()) {
                why.append(why.length() == 0 ? "" : "; ").append(String.join(", ", noPath))
                        .append(noPath.size() == 1 ? " is" : " are").append(" on the tape, but no backward path from "
                        + "the loss reaches ").append(noPath.size() == 1 ? "it" : "them")
                        .append(" (used through detach(), or the result is never used by the loss)");
            }
            out.add(Finding.warning(Finding.Kind.NO_GRADIENT, "Parameters not connected to the loss, so they get no "
                    + "gradient and the optimizer never changes them: " + why + "."));
        }
        if (connected.isEmpty()) {
            return;
        }
        c.gradientPathology = true;
        c.zeroGradientConnected = true;
        String names = String.join(", ", connected);
        if (c.saturated) {
            out.add(Finding.warning(Finding.Kind.VANISHING_GRADIENTS, "No gradient at all (every element exactly 0) "
                    + "reaches " + names + ", although connected to the loss: the saturated units pass none "
                    + "(a sigmoid rounds to exactly 0 or 1 beyond about |x| > 37), so these parameters no longer "
                    + "change."));
        } else {
            out.add(Finding.warning(Finding.Kind.VANISHING_GRADIENTS, "The gradient of " + names + " is exactly 0 on "
                    + "this batch, although connected to the loss: it has vanished (rounded away behind "
                    + "saturated or dead units), or training sits at a stationary point of the loss (gradient "
                    + "sensitivity " + fmt(c.sensitivity) + "), where the optimizer no longer moves them."));
        }
    }
}
