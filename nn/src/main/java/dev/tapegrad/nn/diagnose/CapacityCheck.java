package dev.tapegrad.nn.diagnose;

import static dev.tapegrad.nn.diagnose.Stats.fmt;
import static dev.tapegrad.nn.diagnose.Stats.pct;

import dev.tapegrad.autograd.Shape;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Whether the network is too small for the data. Two grounds:
 * <ul>
 *   <li>a proof: a chain that maps one number to one number at every step (input width 1, each Linear
 *       with one input, monotone activations) computes an output that only rises or only falls with the
 *       input, so targets that change direction along the input cannot be fitted whatever the weights,
 *       seed or number of epochs (the seeds' 1-1-1 parity network);</li>
 *   <li>a hint: the loss has plateaued above zero with no other explanation (no saturation, no
 *       vanishing, a sensible learning rate) and a hidden layer is very narrow or there are fewer
 *       parameters than samples.</li>
 * </ul>
 */
final class CapacityCheck {
    /** A network with a hidden layer this narrow, or fewer parameters than samples, may be too small. */
    static final int NARROW = 2;

    private CapacityCheck() {}

    static void run(Context c, List<Finding> out) {
        if (c.lossIsLow() || c.symmetric) {
            return; // identical units are a narrow network made by the initialisation: the symmetry finding says so
        }
        int narrowest = Integer.MAX_VALUE;
        for (int k = 0; k + 1 < c.layers.size(); k++) {
            narrowest = Math.min(narrowest, c.layers.get(k).width());
        }
        int samples = c.probe.targetRows.length;
        String size = c.parameterCount + " parameters for " + samples + " samples" + (narrowest == Integer.MAX_VALUE
                ? "" : ", narrowest hidden layer " + narrowest + (narrowest == 1 ? " unit" : " units"));
        String base = Double.isFinite(c.probe.baselineLoss)
                ? " (predicting the mean target gives " + fmt(c.probe.baselineLoss) + ")" : "";
        String gradient = c.stationary || c.zeroGradientConnected
                ? "the gradient has all but vanished (sensitivity " + fmt(c.sensitivity) + "): training sits at a "
                        + "stationary point, the best this network finds"
                : "gradient sensitivity " + fmt(c.sensitivity);
        String monotone = monotoneProof(c);
        if (monotone != null) {
            out.add(Finding.warning(Finding.Kind.NETWORK_TOO_SMALL, "Hint: the network is too small for the data. "
                    + monotone + " The loss is " + fmt(c.loss) + base + "; " + gradient + " (" + size + "). Give it a "
                    + "hidden layer of several units, such as Mlp.sigmoid(rng, 1, 16, 1)."));
            demote(out);
            return;
        }
        if (!c.trend.flat() || c.saturated || c.gradientPathology || c.learningRateTooLow || c.learningRateTooHigh) {
            return;
        }
        // "The best this network can do" is false above the loss of predicting the mean target: a network
        // whose last layer has a bias reaches that by outputting a constant.
        if (Double.isFinite(c.probe.baselineLoss) && c.loss > c.probe.baselineLoss * 1.02) {
            return;
        }
        String plateau = String.format("The loss has stayed at %s%s over the last %d epochs (changed by %s) while %s",
                fmt(c.loss), base, c.trend.window, pct(Math.abs(c.trend.recentFall)), c.stationary
                        ? "the gradient has all but vanished (sensitivity " + fmt(c.sensitivity) + ")"
                        : "the gradients are healthy (no saturation, no vanishing; " + gradient + ")");
        if (narrowest <= NARROW || c.parameterCount < samples) {
            int turns = c.probe.featureRows[0].length == 1 ? turnsAlongInput(c) : 0;
            String shape = turns > narrowest && narrowest != Integer.MAX_VALUE ? String.format(" The targets change "
                    + "direction %d times along the single input, more than a hidden layer of %d %s can usually "
                    + "follow.", turns, narrowest, narrowest == 1 ? "unit" : "units") : "";
            out.add(Finding.warning(Finding.Kind.NETWORK_TOO_SMALL, "Hint: the network may be too small for the data. "
                    + plateau + ", so training has settled on the best this network can do: " + size + "." + shape
                    + " Try more hidden units or another layer."));
            demote(out);
        } else {
            out.add(Finding.info(Finding.Kind.NETWORK_TOO_SMALL, plateau + ". With " + c.parameterCount
                    + " parameters for " + samples + " samples the network is not small: sigmoid networks trained with "
                    + "MSE often sit on such a plateau for thousands of epochs before they escape. Keep training, or "
                    + "try Adam or binary cross-entropy."));
        }
    }

    /**
     * Why the model cannot fit the targets if it is a one-number chain and some target column changes
     * direction along the input; {@code null} otherwise.
     */
    private static String monotoneProof(Context c) {
        double[][] x = c.probe.featureRows;
        if (x[0].length != 1 || c.probe.steps.isEmpty()) {
            return null;
        }
        for (Probe.Step s : c.probe.steps) {
            if (!monotone(s)) {
                return null;
            }
        }
        double[][] y = c.probe.targetRows;
        Integer[] order = new Integer[x.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> x[i][0]));
        for (int j = 0; j < y[0].length; j++) {
            double[] t = new double[order.length];
            for (int i = 0; i < t.length; i++) {
                t[i] = y[order[i]][j];
            }
            int turns = directionChanges(t);
            if (turns == 0) {
                continue;
            }
            String column = y[0].length == 1 ? "the targets change" : "target column " + j + " changes";
            String bound = binary(t) ? String.format(" At threshold 0.5 it can classify at most %s of these samples.",
                    pct(bestMonotoneAccuracy(t))) : "";
            return "Every layer maps a single number to a single number (input width 1, each Linear with one input, "
                    + "monotone activations), so the output can only rise or only fall as the input grows, while "
                    + column + " direction " + turns + (turns == 1 ? " time" : " times") + " along the input: no "
                    + "weights, seed or number of epochs can fit them." + bound;
        }
        return null;
    }

    /**
     * Whether a layer maps one number to one number monotonically, going by the ops it recorded: a
     * single input and output column, and only ops that are monotone in their input there (an affine
     * map, the usual activations). Conservative: any other op makes the proof not apply.
     */
    private static boolean monotone(Probe.Step s) {
        Shape in = s.input().shape();
        if (s.width() != 1 || (in.rank() >= 2 && in.dim(-1) != 1)) {
            return false;
        }
        for (String op : s.ops()) {
            if (!MONOTONE_OPS.contains(op)) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> MONOTONE_OPS = Set.of("linear", "linearSigmoid", "matmul", "add", "sub", "neg", "sigmoid", "tanh",
            "relu", "exp", "log", "sqrt");

    /** How often the first target column changes direction along a 1-D input. */
    private static int turnsAlongInput(Context c) {
        double[][] x = c.probe.featureRows;
        double[][] y = c.probe.targetRows;
        Integer[] order = new Integer[x.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> x[i][0]));
        double[] t = new double[order.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = y[order[i]][0];
        }
        return directionChanges(t);
    }

    /** How often the sequence turns from rising to falling or back, ignoring equal neighbours. */
    static int directionChanges(double[] t) {
        int turns = 0;
        double previous = 0;
        for (int i = 1; i < t.length; i++) {
            double d = Math.signum(t[i] - t[i - 1]);
            if (d != 0) {
                turns += previous != 0 && d != previous ? 1 : 0;
                previous = d;
            }
        }
        return turns;
    }

    private static boolean binary(double[] t) {
        return Arrays.stream(t).allMatch(v -> v == 0 || v == 1);
    }

    /** The best share of 0/1 targets, in input order, that one step up or one step down gets right. */
    static double bestMonotoneAccuracy(double[] t) {
        int n = t.length;
        int ones = (int) Arrays.stream(t).filter(v -> v == 1).count();
        int best = Math.max(ones, n - ones);
        int zerosBefore = 0;
        int onesBefore = 0;
        for (int k = 1; k <= n; k++) {
            if (t[k - 1] == 1) {
                onesBefore++;
            } else {
                zerosBefore++;
            }
            int up = zerosBefore + (ones - onesBefore); // 0 before the step, 1 from it on
            int down = onesBefore + (n - k - (ones - onesBefore)); // 1 before, 0 after
            best = Math.max(best, Math.max(up, down));
        }
        return (double) best / n;
    }

    /** Findings that the network's size explains are kept as information, pointing to the hint. */
    private static void demote(List<Finding> out) {
        for (int i = 0; i < out.size(); i++) {
            Finding f = out.get(i);
            if (f.severity() != Severity.WARNING) {
                continue;
            }
            if (f.kind() == Finding.Kind.CONSTANT_OUTPUT) {
                // Keep the numbers, drop the advice about epochs and learning rates: they would not help.
                int end = f.message().indexOf(". ");
                String numbers = end < 0 ? f.message() : f.message().substring(0, end + 1);
                out.set(i, Finding.info(f.kind(), numbers + " Explained by the network's size (see the hint)."));
            } else if (f.kind() == Finding.Kind.VANISHING_GRADIENTS && f.message().contains("stationary point")) {
                out.set(i, Finding.info(f.kind(), f.message() + " Explained by the network's size (see the hint)."));
            }
        }
    }
}
