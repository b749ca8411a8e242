package dev.tapegrad.autograd.check;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Node;
import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Recorded;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.List;

/**
 * One recorded op run again on its own, at chosen input values, on a fresh tape: its forward, its
 * numeric backward, and the derivative of that backward through the op's differentiable
 * {@link Op#vjp}: what the per-op checks and the anomaly search compare. Uses public API only, and
 * never touches the recorded tape.
 */
public final class Replay {
    private final Op op;
    private final List<Shape> shapes;
    private final boolean[] needs;

    /** The replay of a recorded op node (not a leaf). */
    public Replay(Recorded node) {
        if (node.op() == null) {
            throw new IllegalArgumentException("replay: node " + node + " is a leaf; only an op can be replayed");
        }
        this.op = node.op();
        this.shapes = node.inputShapes();
        List<Recorded> in = node.inputs();
        this.needs = new boolean[in.size()];
        for (int k = 0; k < needs.length; k++) {
            needs[k] = in.get(k).requiresGrad();
        }
    }

    /** The op's output at input values {@code x} (not modified). */
    public double[] forward(double[][] x) {
        Tape tape = new Tape();
        return op.apply(nodes(tape, x, false)).values();
    }

    /** The op's backward at {@code x} for the output gradient {@code gradOut}; {@code null} for an input that needs none. */
    public double[][] backward(double[][] x, double[] gradOut) {
        Tape tape = new Tape();
        Node[] vars = nodes(tape, x, true);
        Gradients g = op.apply(vars).asTensor().backward(gradOut);
        double[][] out = new double[x.length][];
        for (int k = 0; k < x.length; k++) {
            out[k] = needs[k] ? g.gradientOf(vars[k]) : null;
        }
        return out;
    }

    /**
     * {@code sum_k <vjp_k(x, gradOut), w_k>}: the op's differentiable backward, dotted with {@code w}, as a
     * function of the inputs, for a second-order check. Returns its value.
     */
    public double secondOrderValue(double[][] x, double[] gradOut, double[][] w) {
        Tape tape = new Tape();
        return secondOrder(tape, nodes(tape, x, true), gradOut, w).value();
    }

    /** The gradient of {@link #secondOrderValue} with respect to each input ({@code null} where none). */
    public double[][] secondOrderGradient(double[][] x, double[] gradOut, double[][] w) {
        Tape tape = new Tape();
        Node[] vars = nodes(tape, x, true);
        Gradients g = secondOrder(tape, vars, gradOut, w).backward();
        double[][] out = new double[x.length][];
        for (int k = 0; k < x.length; k++) {
            out[k] = needs[k] ? g.gradientOf(vars[k]) : null;
        }
        return out;
    }

    private Scalar secondOrder(Tape tape, Node[] vars, double[] gradOut, double[][] w) {
        Tensor y = op.apply(vars).asTensor();
        Tensor seed = tape.constant(y.shape(), gradOut);
        Scalar s = tape.constant(0.0);
        for (int k = 0; k < vars.length; k++) {
            if (needs[k] && w[k] != null) {
                Tensor gk = y.grad(vars[k].asTensor(), seed);
                s = s.add(gk.mul(tape.constant(shapes.get(k), w[k])).sum());
            }
        }
        return s;
    }

    private Node[] nodes(Tape tape, double[][] x, boolean variables) {
        Node[] n = new Node[x.length];
        for (int k = 0; k < x.length; k++) {
            Shape s = shapes.get(k);
            boolean variable = variables && needs[k];
            Tensor t = variable ? tape.tensor(s, x[k]) : tape.constant(s, x[k]);
            n[k] = t;
        }
        return n;
    }
}
