package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import java.util.Arrays;

/** Sum of all elements. {@code y = sum_i x[i]}; {@code dy/dx[i] = 1}. */
public final class SumAll implements Op {
    /** The one instance. */
    public static final SumAll INSTANCE = new SumAll();

    private SumAll() {}

    @Override
    public String name() {
        return "sum";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 1);
        return Shape.of();
    }

    @Override
    public double[] forward(OpCall call) {
        double s = 0;
        for (double v : call.input(0)) {
            s += v;
        }
        return new double[] {s};
    }

    @Override
    public double[][] backward(OpCall call, double[] g) {
        double[] gx = new double[call.input(0).length];
        Arrays.fill(gx, g[0]);
        return new double[][] {gx};
    }

    /** {@code gx = expand(g, shape of x)}. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        return new Tensor[] {g.expand(inputs[0].shape())};
    }
}
