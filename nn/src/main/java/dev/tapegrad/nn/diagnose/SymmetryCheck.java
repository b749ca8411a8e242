package dev.tapegrad.nn.diagnose;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.nn.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Hidden units that are identical: equal weight rows and biases from the same input, and equal weights
 * into the next layer. Such units compute the same output and receive the same gradient on every step,
 * so training never separates them (the symmetry that zero or constant initialisation creates), and a
 * layer of them works as one unit.
 *
 * <p>A layer's units are read from its parameters' shapes, whatever the layer's class: a matrix
 * {@code [units, inputs]} over the whole input (PyTorch's weight layout) and vectors {@code [units]};
 * the next layer with parameters supplies the outgoing matrix {@code [outputs, units]}.
 */
final class SymmetryCheck {
    private SymmetryCheck() {}

    static void run(Context c, List<Finding> out) {
        List<Probe.Step> dense = new ArrayList<>();
        // Whether the units of each dense layer reach the next one unmixed: every layer between keeps the width.
        List<Boolean> passes = new ArrayList<>();
        for (Probe.Step s : c.probe.steps) {
            if (!s.layer().parameters().isEmpty()) {
                dense.add(s);
                passes.add(true);
            } else if (!dense.isEmpty() && s.width() != dense.get(dense.size() - 1).width()) {
                passes.set(passes.size() - 1, false);
            }
        }
        int[] widths = new int[dense.size() + 1];
        widths[0] = c.probe.featureRows[0].length;
        for (int k = 0; k < dense.size(); k++) {
            widths[k + 1] = dense.get(k).width();
        }
        int[] effective = widths.clone();
        List<String> layers = new ArrayList<>();
        for (int k = 0; k + 1 < dense.size(); k++) {
            Probe.Step s = dense.get(k);
            int units = s.width();
            double[][] in = incoming(s, units);
            double[][] outgoing = outgoing(dense.get(k + 1), units);
            if (in == null || outgoing == null || units < 2 || !passes.get(k)) {
                continue;
            }
            List<List<Integer>> groups = groups(in, outgoing);
            if (groups.size() == units) {
                continue;
            }
            effective[k + 1] = groups.size();
            layers.add(describe(s.name(), units, groups));
        }
        if (layers.isEmpty()) {
            return;
        }
        c.symmetric = true;
        c.effectiveShape = shape(effective);
        out.add(Finding.warning(Finding.Kind.SYMMETRIC_UNITS, String.join("; ", layers) + ". Identical units compute "
                + "the same output and receive the same gradient on every step, so no amount of training separates "
                + "them: this symmetry makes the " + shape(widths) + " network compute as a " + c.effectiveShape
                + " one. Initialise the weights randomly (the default Init.pytorchDefault(), or "
                + "Init.xavierUniform()) instead of Init.zeros() or a constant."));
    }

    private static String describe(String layer, int units, List<List<Integer>> groups) {
        if (groups.size() == 1) {
            return "Layer " + layer + ": its " + units + " units are identical (equal weight rows and biases, and "
                    + "equal weights into the next layer)";
        }
        StringJoiner same = new StringJoiner(", ");
        for (List<Integer> g : groups) {
            if (g.size() > 1) {
                same.add(g.toString());
            }
        }
        return "Layer " + layer + ": of its " + units + " units only " + groups.size() + " are distinct; units "
                + same + " are identical (equal weight rows and biases, and equal weights into the next layer)";
    }

    /**
     * Per unit, the weights and biases that feed it, or null if the layer's parameters are not a
     * dense map of its whole input onto {@code units} outputs.
     */
    private static double[][] incoming(Probe.Step s, int units) {
        int inputs = s.input().shape().rank() < 2 ? 1 : s.input().shape().dim(-1);
        List<Parameter> ps = s.layer().parameters();
        boolean dense = false;
        List<double[]> rows = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            rows.add(new double[0]);
        }
        for (Parameter p : ps) {
            Shape sh = p.shape();
            int[] d = sh.dims();
            if (d.length == 2 && d[0] == units) {
                dense |= d[1] == inputs;
                append(rows, p.values(), units, d[1], false);
            } else if (d.length == 1 && d[0] == units) {
                append(rows, p.values(), units, 1, false);
            } else {
                return null; // a parameter that does not belong to one unit: not a layer of units
            }
        }
        return dense ? rows.toArray(new double[0][]) : null;
    }

    /** Per unit, the next layer's weights out of it (its column), or null if none has that layout. */
    private static double[][] outgoing(Probe.Step next, int units) {
        List<double[]> cols = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            cols.add(new double[0]);
        }
        boolean found = false;
        for (Parameter p : next.layer().parameters()) {
            int[] d = p.shape().dims();
            if (d.length == 2 && d[1] == units) {
                append(cols, p.values(), d[0], units, true);
                found = true;
            }
        }
        return found ? cols.toArray(new double[0][]) : null;
    }

    /** Appends each unit's row (or, transposed, its column) of a row-major {@code rows x cols} matrix. */
    private static void append(List<double[]> perUnit, double[] m, int rows, int cols, boolean columns) {
        for (int u = 0; u < perUnit.size(); u++) {
            int n = columns ? rows : cols;
            double[] add = new double[n];
            for (int i = 0; i < n; i++) {
                add[i] = columns ? m[i * cols + u] : m[u * cols + i];
            }
            double[] was = perUnit.get(u);
            double[] both = Arrays.copyOf(was, was.length + n);
            System.arraycopy(add, 0, both, was.length, n);
            perUnit.set(u, both);
        }
    }

    /** Units grouped by exactly equal weights in and out, in order of their first unit. */
    private static List<List<Integer>> groups(double[][] in, double[][] out) {
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (int u = 0; u < in.length; u++) {
            String key = Arrays.toString(in[u]) + "|" + Arrays.toString(out[u]);
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(u);
        }
        return new ArrayList<>(byKey.values());
    }

    private static String shape(int[] widths) {
        StringJoiner j = new StringJoiner("-");
        for (int w : widths) {
            j.add(Integer.toString(w));
        }
        return j.toString();
    }
}
