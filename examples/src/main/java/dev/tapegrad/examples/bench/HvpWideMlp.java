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
    private final double[] p;
    private final double[] v;
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
    }

    /** The number of parameters, the length of the product. */
    public int size() {
        return p.length;
    }

    /**
     * The product {@code H v} on a fresh tape, flattened in the layout's order: the parameters are six
     * tensors (each layer's weight and bias), differentiated together in one recorded sweep, and the
     * gradient's inner product with the direction is differentiated in a second.
     */
    public Tensor product() {
        Tape tape = new Tape();
        List<Tensor> params = new ArrayList<>();
        List<Tensor> direction = new ArrayList<>();
        int at = 0;
        int[] sizes = {784, 256, 256, 10};
        for (int l = 0; l + 1 < sizes.length; l++) {
            Shape w = Shape.of(sizes[l + 1], sizes[l]);
            Shape b = Shape.of(sizes[l + 1]);
            for (Shape s : List.of(w, b)) {
                params.add(tape.tensor(s, Arrays.copyOfRange(p, at, at + s.size())));
                direction.add(tape.constant(s, Arrays.copyOfRange(v, at, at + s.size())));
                at += s.size();
            }
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
        List<Tensor> hv = along.grad(params);
        List<Tensor> flat = new ArrayList<>();
        for (Tensor t : hv) {
            flat.add(t.reshape(-1));
        }
        return Tensor.concat(0, flat);
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

    /** One product; returns its first element. */
    public double run() {
        return product().get(0).value();
    }
}
