package dev.tapegrad.autograd;

import java.util.ArrayList;
import java.util.List;

/**
 * Read-only questions about the nodes of a tape, asked by the diagnostic tools (anomaly detection,
 * the per-op gradient check, graph export) so that the meaning of the struct-of-arrays layout is
 * decoded in one place. Nothing here modifies the tape.
 */
final class TapeView {
    private TapeView() {}

    /** Whether node {@code i} is a leaf or constant (scalar or tensor): no op produced it. */
    static boolean isLeaf(Tape t, int i) {
        byte c = t.code[i];
        return c == Code.LEAF || c == Code.CONST || (c == Code.GENERIC && t.entries[t.in0[i]].op == null);
    }

    /** Whether node {@code i} is a constant: a leaf that gets no gradient. */
    static boolean isConstant(Tape t, int i) {
        return isLeaf(t, i) && !t.requiresGrad(i);
    }

    /** The name of the op that produced node {@code i}, or {@code leaf} / {@code constant}. */
    static String opName(Tape t, int i) {
        byte c = t.code[i];
        if (c != Code.GENERIC) {
            return Code.name(c);
        }
        Entry e = t.entries[t.in0[i]];
        if (e.op == null) {
            return e.requiresGrad ? "leaf" : "constant";
        }
        String name = e.op.name();
        return name == null ? e.op.getClass().getName() : name;
    }

    /**
     * The constant right operand of a scalar op such as {@code x.mul(2)}, or NaN if it has none. The only
     * place the diagnostics read where the tape keeps such constants.
     */
    static double constantOperand(Tape t, int i) {
        return hasConstantOperand(t, i) ? t.constantOf(i) : Double.NaN;
    }

    /** Whether node {@code i} has a constant right operand held beside it. */
    static boolean hasConstantOperand(Tape t, int i) {
        byte c = t.code[i];
        return c != Code.GENERIC && c != Code.LEAF && c != Code.CONST && (c & Code.CONST_B) != 0;
    }

    /** The ids of the nodes node {@code i} was computed from, in operand order (empty for a leaf). */
    static int[] inputs(Tape t, int i) {
        byte c = t.code[i];
        if (c == Code.LEAF || c == Code.CONST) {
            return new int[0];
        }
        if (c == Code.GENERIC) {
            return t.entries[t.in0[i]].inputs.clone();
        }
        if ((c & Code.CONST_B) != 0 || t.in1[i] < 0) {
            return new int[] {t.in0[i]};
        }
        return new int[] {t.in0[i], t.in1[i]};
    }

    /** The shapes of node {@code i}'s inputs. */
    static List<Shape> inputShapes(Tape t, int i) {
        List<Shape> shapes = new ArrayList<>();
        for (int j : inputs(t, i)) {
            shapes.add(t.shapeOf(j));
        }
        return shapes;
    }

    /** Node {@code i}'s values: the tape's own array for a tensor (read only), a new one for a scalar. */
    static double[] values(Tape t, int i) {
        return t.valuesOf(i);
    }

    /** Node {@code i}'s gradient in {@code g}, as a copy (zeros where backward did not reach it). */
    static double[] gradient(Gradients g, int i) {
        Tape t = g.tape();
        Shape s = t.shapeOf(i);
        return s.isScalar() ? new double[] {g.of(new Scalar(t, i))} : g.of(new Tensor(t, i, s));
    }

    /** Whether any element is NaN or infinite. */
    static boolean nonFinite(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return true;
            }
        }
        return false;
    }

    /** The first element that is NaN or infinite, or -1 when all are finite. */
    static int firstNonFinite(double[] x) {
        for (int k = 0; k < x.length; k++) {
            if (!Double.isFinite(x[k])) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Which nodes the output {@code root} depends on: the nodes its backward visits. One reverse pass
     * over recording order, which is topological.
     */
    static boolean[] reaching(Tape t, int root) {
        boolean[] hit = new boolean[root + 1];
        hit[root] = true;
        for (int i = root; i >= 0; i--) {
            if (hit[i]) {
                for (int j : inputs(t, i)) {
                    hit[j] = true;
                }
            }
        }
        return hit;
    }

    /** A short description of node {@code i} for messages: {@code #12 sigmoid [4, 1]}. */
    static String describe(Tape t, int i) {
        return "#" + i + " " + opName(t, i) + " " + t.shapeOf(i);
    }
}
