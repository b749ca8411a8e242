package dev.tapegrad.autograd.ops;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernel.Broadcast;

/**
 * Sums a tensor down to a shape that broadcasts to it (PyTorch's {@code sum_to_size}): the
 * un-broadcasting of a gradient. {@code y[j] = sum of x[i] over the i with map(i) = j}, added in
 * increasing {@code i}, the order the broadcasting backward uses. The vector-Jacobian product is
 * {@code gx = expand(g, shape of x)}: {@link Expand} and {@code sumTo} are each other's adjoint.
 */
public final class SumTo implements Op {
    private final Shape target;

    /** Sums down to {@code target}. */
    public SumTo(Shape target) {
        this.target = target;
    }

    @Override
    public String name() {
        return "sumTo";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 1);
        checkArgument(Shape.broadcast(target, inputs[0], name()).equals(inputs[0]),
                "sumTo: shape %s does not broadcast to %s, so %s cannot be summed down to it", target, inputs[0],
                inputs[0]);
        return target;
    }

    @Override
    public double[] forward(OpCall call) {
        return sum(call.input(0), Broadcast.indexMap(target.dims(), call.inputShape(0).dims()), target.size());
    }

    /** {@code y[map[i]] += x[i]} for increasing {@code i}. */
    static double[] sum(double[] x, int[] map, int size) {
        double[] y = new double[size];
        for (int i = 0; i < x.length; i++) {
            y[map[i]] += x[i];
        }
        return y;
    }

    @Override
    public double[][] backward(OpCall call, double[] g) {
        return new double[][] {Expand.broadcast(g, target.dims(), call.inputShape(0).dims())};
    }

    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        return new Tensor[] {g.expand(inputs[0].shape())};
    }
}
