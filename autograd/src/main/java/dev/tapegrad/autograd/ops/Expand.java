package dev.tapegrad.autograd.ops;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernel.Broadcast;
import java.util.Arrays;

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
        return broadcast(call.input(0), call.inputShape(0).dims(), target.dims());
    }

    /**
     * {@code x} of dimensions {@code in} broadcast to {@code out} (which it must broadcast to), in runs:
     * the trailing axes that are not broadcast are copied a block at a time, and trailing axes of size 1
     * fill a block with one value, so a bias row or a scalar costs one pass and no index array of the
     * output's size; only the leading axes go through an index map. Does not modify {@code x}.
     */
    static double[] broadcast(double[] x, int[] in, int[] out) {
        int rank = out.length;
        int pad = rank - in.length;
        int kept = rank;
        while (kept > 0 && kept - 1 >= pad && in[kept - 1 - pad] == out[kept - 1]) {
            kept--;
        }
        boolean fill = kept == rank;
        int split = kept;
        if (fill) {
            // The last axis is broadcast: take the trailing run of axes the input holds once.
            while (split > 0 && (split - 1 < pad || in[split - 1 - pad] == 1)) {
                split--;
            }
        }
        int[] outerOut = Arrays.copyOf(out, split);
        int[] outerIn = Arrays.copyOf(in, Math.max(0, split - pad));
        int run = 1;
        for (int d = split; d < rank; d++) {
            run *= out[d];
        }
        int[] map = Broadcast.indexMap(outerIn, outerOut);
        double[] y = new double[map.length * run];
        for (int o = 0; o < map.length; o++) {
            if (fill) {
                Arrays.fill(y, o * run, (o + 1) * run, x[map[o]]);
            } else {
                System.arraycopy(x, map[o] * run, y, o * run, run);
            }
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
