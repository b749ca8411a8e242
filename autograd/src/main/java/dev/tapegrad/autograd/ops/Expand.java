package dev.tapegrad.autograd.ops;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernel.Broadcast;

/**
 * Broadcasts a tensor to a larger shape, as NumPy broadcasting does (PyTorch's {@code expand}):
 * {@code y[i] = x[map(i)]}. The vector-Jacobian product sums the gradient back over the broadcast axes,
 * {@code gx = sumTo(g, shape of x)}, so {@code expand} and {@link SumTo} are each other's adjoint.
 */
public final class Expand implements Op {
    private final Shape target;

    /** Broadcasts to {@code target}. */
    public Expand(Shape target) {
        this.target = target;
    }

    @Override
    public String name() {
        return "expand";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 1);
        checkArgument(Shape.broadcast(inputs[0], target, name()).equals(target),
                "expand: shape %s does not broadcast to %s", inputs[0], target);
        return target;
    }

    @Override
    public double[] forward(OpCall call) {
        double[] x = call.input(0);
        int[] map = Broadcast.indexMap(call.inputShape(0).dims(), target.dims());
        double[] y = new double[map.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = x[map[i]];
        }
        return y;
    }

    @Override
    public double[][] backward(OpCall call, double[] g) {
        return new double[][] {SumTo.sum(g, Broadcast.indexMap(call.inputShape(0).dims(), target.dims()), call.inputShape(0).size())};
    }

    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        return new Tensor[] {g.sumTo(inputs[0].shape())};
    }
}
