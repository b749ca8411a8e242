package dev.tapegrad.autograd.debug;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Leaf;
import dev.tapegrad.autograd.Recorded;
import dev.tapegrad.autograd.Tape;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A tape as a Graphviz DOT graph: one node per tape node (leaves as ellipses, ops as boxes, constants
 * dashed) labelled with its index, op name and shape, the values of small tensors and, given the
 * gradients of a backward pass, their gradients; edges run from each input to the op that used it, in
 * the direction data flows. Non-finite values are drawn red. Producing the text needs no Graphviz;
 * render it with {@code dot -Tsvg graph.dot -o graph.svg}. Never modifies the tape.
 *
 * <pre>{@code
 * Gradients g = loss.backward();
 * Files.writeString(Path.of("step.dot"), GraphExport.toDot(loss.tape(), g));
 * }</pre>
 */
public final class GraphExport {
    /** Tensors with at most this many elements have their values printed by default. */
    public static final int DEFAULT_MAX_VALUES = 8;

    private GraphExport() {}

    /** The tape's graph with values but no gradients. */
    public static String toDot(Tape tape) {
        return toDot(tape, null, DEFAULT_MAX_VALUES);
    }

    /** The tape's graph with values and, where {@code gradients} is not null, gradients. */
    public static String toDot(Tape tape, Gradients gradients) {
        return toDot(tape, gradients, DEFAULT_MAX_VALUES);
    }

    /**
     * The tape's graph, printing the values (and gradients) of tensors with at most {@code maxValues}
     * elements and only the range of larger ones.
     *
     * @param gradients the gradients of a backward on this tape, or {@code null}
     */
    public static String toDot(Tape tape, Gradients gradients, int maxValues) {
        return toDot(tape, gradients, maxValues, List.of());
    }

    /**
     * As {@link #toDot(Tape, Gradients, int)}, labelling the nodes of these persistent values (a model's
     * parameters, say) with their {@code toString()}. Leaves that are not on the tape are ignored.
     *
     * @param named persistent values to name, such as {@code model.parameters()}
     */
    public static String toDot(Tape tape, Gradients gradients, int maxValues, Collection<? extends Leaf> named) {
        Objects.requireNonNull(tape, "graph export: tape");
        checkArgument(maxValues >= 0, "graph export: maxValues must be >= 0, got %s", maxValues);
        checkArgument(gradients == null || gradients.tape() == tape,
                "graph export: the gradients belong to a different tape");
        Objects.requireNonNull(named, "graph export: named leaves");
        Map<Integer, String> leafNames = leafNames(tape, named);
        StringBuilder sb = new StringBuilder("digraph tape {\n");
        sb.append("  node [fontname=\"Helvetica\", fontsize=10];\n");
        for (int i = 0; i < tape.size(); i++) {
            sb.append("  n").append(i).append(" [label=\"").append(escape(label(tape, i, gradients, maxValues,
                    leafNames.get(i)))).append("\"");
            Recorded r = tape.node(i);
            sb.append(r.isLeaf() ? ", shape=ellipse" : ", shape=box");
            if (r.isLeaf() && !r.requiresGrad()) {
                sb.append(", style=dashed");
            }
            if (AnomalySearch.nonFinite(r.values())
                    || (gradients != null && AnomalySearch.nonFinite(gradients.gradientOf(r.node())))) {
                sb.append(", color=red, fontcolor=red");
            }
            sb.append("];\n");
        }
        for (int i = 0; i < tape.size(); i++) {
            List<Recorded> in = tape.node(i).inputs();
            for (int k = 0; k < in.size(); k++) {
                sb.append("  n").append(in.get(k).index()).append(" -> n").append(i);
                if (in.size() > 1) {
                    sb.append(" [label=\"").append(k).append("\"]");
                }
                sb.append(";\n");
            }
        }
        return sb.append("}\n").toString();
    }

    /** The label's lines, joined by newlines (escaped later). */
    private static String label(Tape t, int i, Gradients g, int maxValues, String leafName) {
        Recorded r = t.node(i);
        StringBuilder sb = new StringBuilder("#").append(i).append(' ').append(r.opName());
        if (r.constantOperand().isPresent()) {
            sb.append(" (with ").append(number(r.constantOperand().getAsDouble())).append(')');
        }
        if (leafName != null) {
            sb.append(' ').append(leafName);
        }
        sb.append('\n').append(r.shape());
        sb.append("\nvalue ").append(values(r.values(), maxValues));
        if (g != null && r.requiresGrad()) {
            sb.append("\ngrad ").append(values(g.gradientOf(r.node()), maxValues));
        }
        return sb.toString();
    }

    private static String values(double[] x, int maxValues) {
        if (x.length == 1) {
            return number(x[0]);
        }
        if (x.length <= maxValues) {
            StringBuilder sb = new StringBuilder("[");
            for (int q = 0; q < x.length; q++) {
                sb.append(q == 0 ? "" : ", ").append(number(x[q]));
            }
            return sb.append(']').toString();
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return "in [" + number(lo) + ", " + number(hi) + "]";
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : Double.toString(v);
    }

    /** The node id of each named leaf that is on the tape, with its name. */
    private static Map<Integer, String> leafNames(Tape t, Collection<? extends Leaf> named) {
        Map<Integer, String> names = new HashMap<>();
        for (Leaf leaf : named) {
            t.find(Objects.requireNonNull(leaf, "graph export: a named leaf is null"))
                    .ifPresent(x -> names.put(t.node(x).index(), String.valueOf(leaf)));
        }
        return names;
    }

    /**
     * Text made safe inside a DOT double-quoted string: backslashes and quotes escaped, line breaks
     * turned into DOT's centred-line escape, other control characters dropped.
     */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int q = 0; q < s.length(); q++) {
            char c = s.charAt(q);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c >= ' ') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
