package dev.tapegrad.examples.tasks;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Why a network with one unit per layer cannot learn parity of 1..9: its output is monotone in x
 * while the labels alternate. Prints the argument with this run's numbers: the direction the output
 * moves, and the best accuracy any monotone predictor can reach, found by trying every split.
 */
final class MonotoneExplanation {
    private MonotoneExplanation() {}

    /** The most samples any predictor of the form "1 from some point on" or "1 up to some point" gets right. */
    static int bestMonotoneRight(int[] labels) {
        int n = labels.length;
        int best = 0;
        for (int k = 0; k <= n; k++) {
            int rising = 0;
            int falling = 0;
            for (int i = 0; i < n; i++) {
                rising += (i >= k ? 1 : 0) == labels[i] ? 1 : 0;
                falling += (i < k ? 1 : 0) == labels[i] ? 1 : 0;
            }
            best = Math.max(best, Math.max(rising, falling));
        }
        return best;
    }

    /**
     * Prints why a chain of one-unit sigmoid layers stops short; {@code original} is true for the
     * 1-1-1 network, whose formula is spelled out.
     */
    static void print(PrintWriter out, double[][] targets, double[] outputs, boolean original) {
        int n = targets.length;
        int[] labels = IntStream.range(0, n).map(i -> targets[i][0] >= 0.5 ? 1 : 0).toArray();
        int best = bestMonotoneRight(labels);
        int predictedOnes = (int) IntStream.range(0, n).filter(i -> outputs[i] >= 0.5).count();
        int right = (int) IntStream.range(0, n).filter(i -> (outputs[i] >= 0.5 ? 1 : 0) == labels[i]).count();
        String labelList = IntStream.of(labels).mapToObj(Integer::toString).collect(Collectors.joining(","));
        int changes = (int) IntStream.range(1, n).filter(i -> labels[i] != labels[i - 1]).count();

        out.println();
        out.printf(Locale.ROOT, "  Why this network stops at %d/%d%n", right, n);
        out.println(original
                ? "    Its output o = sigmoid(w2 * sigmoid(w1 * x + b1) + b2) is monotone in x: each layer is one"
                : "    Its output o, a chain of one-unit layers, is monotone in x: each layer is one");
        out.println("    sigmoid of one weighted input, so o can only rise, or only fall, as x goes from 1/9 to 9/9");
        double change = outputs[n - 1] - outputs[0];
        if (change == 0 && direction(outputs).equals("changes")) {
            out.println("    (here it is exactly flat).");
        } else if (Math.abs(change) < 1e-3) {
            out.printf(Locale.ROOT, "    (here it is nearly flat: it %s by only %.1e from 1/9 to 9/9).%n",
                    direction(outputs), Math.abs(change));
        } else {
            out.printf(Locale.ROOT, "    (here it %s from %.4f at 1/9 to %.4f at 9/9).%n", direction(outputs), outputs[0], outputs[n - 1]);
        }
        out.println("    The 0.5 threshold therefore splits 1..9 into at most two runs, 0s then 1s or 1s then 0s,");
        out.printf(Locale.ROOT, "    while the targets alternate %s and change %d times.%n", labelList, changes);
        out.printf(Locale.ROOT, "    No such split gets more than %d of %d right.%n", best, n);
        out.printf(Locale.ROOT, "    This network %s.%n", describe(outputs, predictedOnes, right));
        double mean = IntStream.of(labels).average().orElse(0);
        if (Math.abs(outputs[n - 1] - outputs[0]) < 0.01) {
            out.printf(Locale.ROOT, "    Its output has settled near %.4f, the mean target (%d/%d): the constant that minimises%n",
                    mean, IntStream.of(labels).sum(), n);
            out.println("    squared error, where a network that cannot separate the classes ends up.");
        }
        out.println("    The gradients are not to blame: Tapegrad's are exact (check-backprop compares them with");
        out.println("    finite differences). No learning rate or number of epochs changes the outcome; more units");
        out.println("    do: the default 1-16-16-1 network (parity without --hidden) reaches 100%.");
    }

    private static String direction(double[] o) {
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < o.length; i++) {
            up &= o[i] >= o[i - 1];
            down &= o[i] <= o[i - 1];
        }
        if (up && down) {
            return "changes";
        }
        return up ? "rises" : down ? "falls" : "is not monotone, which would be a bug worth reporting";
    }

    private static String describe(double[] o, int predictedOnes, int right) {
        int n = o.length;
        if (predictedOnes == 0) {
            return "predicts 0 (odd) for every n and is right on the " + right + " odd numbers";
        }
        if (predictedOnes == n) {
            return "predicts 1 (even) for every n and is right on the " + right + " even numbers";
        }
        return String.format(Locale.ROOT, "predicts 1 (even) for %d of the 9 numbers and is right on %d",
                predictedOnes, right);
    }
}
