package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;

/**
 * The identity, {@code y = x}, {@code gx = g}, recorded as a node of its own. Differentiation with
 * respect to a fresh identity node counts only the paths through it, which keeps nested derivatives
 * apart (no perturbation confusion).
 */
public final class Identity implements Op {
    /** The one instance. */
    public static final Identity INSTANCE = new Identity();

    private Identity() {}

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 1);
        return inputs[0];
    }

    @Override
    public double[] forward(OpCall call) {
        return call.input(0).clone();
    }

    @Override
    public double[][] backward(OpCall call, double[] g) {
        return new double[][] {g.clone()};
    }

    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        return new Tensor[] {g};
    }
}
