package dev.tapegrad.examples.bench;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.ops.Dot;
import dev.tapegrad.examples.newton.FlatMlp;
import dev.tapegrad.nn.Loss;
import dev.tapegrad.nn.Mlp;
import dev.tapegrad.nn.Sigmoid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A Hessian-vector product of the wide MLP's loss with respect to all its parameters: the network of
 * {@link NnWideMlp} (batch 128, 784-256-256-10, sigmoid hidden layers, linear output,
 * {@code Loss.crossEntropy} on class indices, the same weights and batch for the same seed)  with
 * respect to its six parameter tensors at once: a forward, a recorded backward, the gradient's inner
 * product with the direction ({@code Dot}), and a recorded backward through both
 * ({@code Scalar.grad(List)}, one sweep each). The parameters stay fixed, so every call does the same work.
 */
public final class HvpWideMlp {
    private static final int BATCH = 128;
    private static final FlatMlp LAYOUT = new FlatMlp(false, 784, 256, 256, 10);
    /** The six parameter tensors' shapes: each layer's weight {@code [out, in]}, then its bias. */
    private static final List<Shape> SHAPES = List.of(Shape.of(256, 784), Shape.of(256), Shape.of(256, 256),
            Shape.of(256), Shape.of(10, 256), Shape.of(10));
    private final double[] p;
    private final double[] v;
    // The parameters and the direction cut into the six tensors once; each tape copies them in.
    private final double[][] pBlocks;
    private final double[][] vBlocks;
    private final double[] x;
    private final int[] classes;

    /** The network and batch of {@code new NnWideMlp(seed)}, and a direction drawn after them. */
    public HvpWideMlp(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        p = FlatMlp.flatten(Mlp.builder(784, 256, 256, 10).hidden(Sigmoid::new).linearOutput().build(rng));
        x = new double[BATCH * 784];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble();
        }
        classes = new int[BATCH];
        for (int r = 0; r < BATCH; r++) {
            classes[r] = rng.nextInt(10);
        }
        v = new double[p.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian();
        }
        pBlocks = new double[SHAPES.size()][];
        vBlocks = new double[SHAPES.size()][];
        int at = 0;
        for (int k = 0; k < SHAPES.size(); k++) {
            int n = SHAPES.get(k).size();
            pBlocks[k] = Arrays.copyOfRange(p, at, at + n);
            vBlocks[k] = Arrays.copyOfRange(v, at, at + n);
            at += n;
        }
    }

    /** The number of parameters, the length of the product. */
    public int size() {
        return p.length;
    }

    /**
     * The product {@code H v} on a fresh tape, flattened in the layout's order; see {@link #blocks()}.
     */
    public Tensor product() {
        List<Tensor> flat = new ArrayList<>();
        for (Tensor t : blocks()) {
            flat.add(t.reshape(-1));
        }
        return Tensor.concat(0, flat);
    }

    /**
     * The product {@code H v} on a fresh tape, one block per parameter tensor (each layer's weight and
     * bias, in the layout's order): the six parameters are differentiated together in one recorded
     * sweep, and the gradient's inner product with the direction is differentiated in a second.
     */
    List<Tensor> blocks() {
        Tape tape = new Tape();
        List<Tensor> params = new ArrayList<>();
        List<Tensor> direction = new ArrayList<>();
        for (int k = 0; k < SHAPES.size(); k++) {
            params.add(tape.tensor(SHAPES.get(k), pBlocks[k]));
            direction.add(tape.constant(SHAPES.get(k), vBlocks[k]));
        }
        Tensor h = tape.constant(Shape.of(BATCH, 784), x);
        for (int l = 0; l < 3; l++) {
            h = h.linear(params.get(2 * l), params.get(2 * l + 1));
            h = l < 2 ? h.sigmoid() : h;
        }
        List<Tensor> g = Loss.crossEntropy(h, classes).grad(params);
        // <g, v> as one dot op per parameter: no product arrays, and its gradient is v itself.
        Scalar along = (Scalar) Dot.INSTANCE.apply(g.get(0), direction.get(0));
        for (int k = 1; k < g.size(); k++) {
            along = along.add((Scalar) Dot.INSTANCE.apply(g.get(k), direction.get(k)));
        }
        return along.grad(params);
    }

    /**
     * The first-order gradient ({@code backward()}) at {@code p + t v}: central differences of it
     * check {@link #product()}.
     */
    double[] gradientAlong(double t) {
        double[] q = p.clone();
        for (int i = 0; i < q.length; i++) {
            q[i] += t * v[i];
        }
        Tape tape = new Tape();
        Tensor params = tape.tensor(Shape.of(q.length), q);
        return Loss.crossEntropy(LAYOUT.forward(params, tape.constant(Shape.of(BATCH, 784), x)), classes)
                .backward().of(params);
    }

    /** One product, in blocks (as {@code torch.autograd.grad} returns it, not flattened); returns its first element. */
    public double run() {
        return blocks().get(0).get(0, 0).value();
    }
}
