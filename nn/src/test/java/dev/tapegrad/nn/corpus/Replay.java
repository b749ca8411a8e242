package dev.tapegrad.nn.corpus;

import com.google.gson.JsonObject;
import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Node;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.nn.Linear;
import dev.tapegrad.nn.Loss;
import dev.tapegrad.nn.Parameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a corpus program through Tapegrad's public API only: {@link Tape}, {@link Tensor} and
 * {@link Scalar} methods, {@link Loss}, {@link Linear} and {@link Gradients}. A node is a Scalar or a
 * Tensor as the Java API makes it (a Scalar input, a full reduction, {@code get} and the losses give
 * Scalars), so the scalar fast path and the tensor path are both replayed.
 */
final class Replay {
    /** Tapegrad's value of every node and gradient of every input ({@code null} for a constant). */
    record Result(double[][] values, double[][] grads) {}

    private final Program program;
    private final Tape tape = new Tape();
    private final List<Node> nodes = new ArrayList<>();
    private final Map<Integer, Parameter> parameters = new HashMap<>();

    private Replay(Program program) {
        this.program = program;
    }

    /** Runs the program forward and backward. */
    static Result run(Program program) {
        return new Replay(program).run();
    }

    private Result run() {
        for (Program.Input in : program.inputs()) {
            nodes.add(leaf(in));
        }
        for (JsonObject op : program.ops()) {
            nodes.add(Ops.apply(op, this::node, this::linear));
        }
        double[][] values = new double[nodes.size()][];
        for (int k = 0; k < values.length; k++) {
            Node n = nodes.get(k);
            values[k] = n == null ? program.inputs().get(k).values() : n instanceof Scalar s
                    ? new double[] {s.value()} : n.asTensor().values();
        }
        Node out = nodes.get(nodes.size() - 1);
        Gradients g = out instanceof Scalar s ? s.backward() : out.asTensor().backward(program.seed());
        double[][] grads = new double[program.inputs().size()][];
        for (int k = 0; k < grads.length; k++) {
            Program.Input in = program.inputs().get(k);
            if (!in.variable()) {
                continue;
            }
            Node n = nodes.get(k);
            if (n == null) {
                Parameter p = parameters.get(k);
                grads[k] = p == null ? new double[in.values().length] : g.of(p);
            } else {
                grads[k] = n instanceof Scalar s ? new double[] {g.of(s)} : g.of(n.asTensor());
            }
        }
        return new Result(values, grads);
    }

    private Node leaf(Program.Input in) {
        Shape shape = Shape.of(in.shape());
        return switch (in.kind()) {
            case "tensor" -> tape.tensor(shape, in.values());
            case "constant" -> tape.constant(shape, in.values());
            case "scalar" -> tape.scalar(in.values()[0]);
            case "scalarConstant" -> tape.constant(in.values()[0]);
            case "param" -> null; // put on the tape by the Linear that owns it
            default -> throw new IllegalArgumentException("unknown input kind " + in.kind());
        };
    }

    private Node node(int k) {
        Node n = nodes.get(k);
        if (n == null) {
            throw new IllegalArgumentException("node n" + k + " is a Linear's parameter, used outside it");
        }
        return n;
    }

    /** The Linear layer of the op reading input nodes {@code w} and {@code b}, applied to {@code x}. */
    private Tensor linear(Tensor x, int w, int b) {
        Program.Input wi = program.inputs().get(w);
        double[][] rows = new double[wi.shape()[0]][wi.shape()[1]];
        for (int o = 0; o < rows.length; o++) {
            System.arraycopy(wi.values(), o * rows[o].length, rows[o], 0, rows[o].length);
        }
        Linear layer = Linear.of(rows, program.inputs().get(b).values());
        parameters.put(w, layer.weight());
        parameters.put(b, layer.bias());
        return layer.forward(x);
    }
}
