package dev.tapegrad.nn.corpus;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Finds the first number of a replay that differs from the PyTorch reference.
 *
 * <p>The sign of a zero is compared where IEEE 754 defines it and PyTorch follows: the values of
 * elementwise ops, layout ops and (log-)softmax. It is not compared for gradients (PyTorch keeps the sign
 * of a lone contribution and drops it once a second one is added, so a zero gradient's sign says how
 * many paths reached it, not what the derivative is), nor for the values of reductions, matrix products
 * and losses (which zero a sum starts from is the implementation's choice) or of max and min (which of
 * tied {@code 0.0} and {@code -0.0} is returned is unspecified in PyTorch too), nor for any value
 * computed from such a value (a zero of unspecified sign stays unspecified through later ops).
 */
final class Comparison {
    private static final java.util.Set<String> UNSIGNED_ZEROS = java.util.Set.of("maxAll", "minAll", "max", "min",
            "sumAll", "sum", "meanAll", "mean", "matmul", "linear", "mse", "bce", "bceWithLogits", "crossEntropy",
            "crossEntropyProbs");

    private Comparison() {}

    /** A description of the first difference, or {@code null} when every value and gradient matches. */
    static String firstDifference(Program p, Replay.Result r) {
        boolean[] unsigned = new boolean[p.values().length];
        for (int k = 0; k < p.values().length; k++) {
            int j = k - p.inputs().size();
            if (j >= 0) {
                JsonObject op = p.ops().get(j);
                unsigned[k] = UNSIGNED_ZEROS.contains(op.get("op").getAsString());
                for (JsonElement a : op.getAsJsonArray("in")) {
                    unsigned[k] |= unsigned[a.getAsInt()];
                }
            }
            boolean signedZeros = !unsigned[k];
            String d = compare("value of n" + k + label(p, k), p.values()[k], p.valueMags()[k], r.values()[k],
                    signedZeros);
            if (d != null) {
                return d;
            }
        }
        for (int k = 0; k < p.grads().length; k++) {
            if (p.grads()[k] == null) {
                continue;
            }
            String d = compare("gradient of n" + k, p.grads()[k], p.gradMags()[k], r.grads()[k], false);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private static String label(Program p, int k) {
        int j = k - p.inputs().size();
        return j < 0 ? "" : " (" + p.ops().get(j).get("op").getAsString() + ")";
    }

    private static String compare(String what, double[] expected, double[] mags, double[] actual, boolean signed) {
        if (actual == null || actual.length != expected.length) {
            return String.format("%s has %s elements, PyTorch's has %d", what,
                    actual == null ? "no" : String.valueOf(actual.length), expected.length);
        }
        for (int i = 0; i < expected.length; i++) {
            if (!Tolerance.matches(expected[i], actual[i], mags[i], signed)) {
                return String.format("%s [%d]: PyTorch %s, Tapegrad %s (allowed difference %.3g)", what, i,
                        expected[i], actual[i], Tolerance.allowed(expected[i], mags[i]));
            }
        }
        return null;
    }
}
