package dev.tapegrad.examples.bench;

import dev.tapegrad.autograd.Functional;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.examples.newton.FlatMlp;
import dev.tapegrad.nn.Loss;
import dev.tapegrad.nn.Mlp;
import dev.tapegrad.nn.Sigmoid;
import java.util.SplittableRandom;

/**
 * A Hessian-vector product of the wide MLP's loss with respect to all its parameters: the network of
 * {@link NnWideMlp} (batch 128, 784-256-256-10, sigmoid hidden layers, linear output,
 * {@code Loss.crossEntropy} on class indices, the same weights and batch for the same seed) over one
 * flat parameter vector, {@code Functional.hvp}: a forward, a recorded backward, and a backward through
 * both. The parameters stay fixed, so every call does the same work.
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

    /** The product {@code H v} on a fresh tape. */
    public Tensor product() {
        Tape tape = new Tape();
        Tensor params = tape.tensor(Shape.of(p.length), p);
        Tensor input = tape.constant(Shape.of(BATCH, 784), x);
        Tensor direction = tape.constant(Shape.of(v.length), v);
        return Functional.hvp(q -> Loss.crossEntropy(LAYOUT.forward(q, input), classes), params, direction);
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
