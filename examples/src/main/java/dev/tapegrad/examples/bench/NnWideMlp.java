package dev.tapegrad.examples.bench;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.nn.Loss;
import dev.tapegrad.nn.Mlp;
import dev.tapegrad.nn.Sequential;
import dev.tapegrad.nn.Sgd;
import dev.tapegrad.nn.Sigmoid;
import java.util.SplittableRandom;

/**
 * The wide MLP step through the public nn API: batch 128, {@code Mlp.builder(784, 256, 256, 10)}
 * with sigmoid hidden layers and linear output, {@code Loss.crossEntropy} on class indices, backward,
 * {@code Sgd.step}. {@link WideMlp} records the same work on raw tensors. The thread count is that of
 * the pool the step runs in (see {@code kernel.Parallel}).
 */
public final class NnWideMlp {
    private static final int BATCH = 128;
    private final Sequential net;
    private final Sgd sgd;
    private final double[] x;
    private final int[] classes;

    /** A network and a batch drawn from {@code seed}. */
    public NnWideMlp(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        net = Mlp.builder(784, 256, 256, 10).hidden(Sigmoid::new).linearOutput().build(rng);
        sgd = Sgd.builder(net.parameters()).learningRate(0.1).build();
        x = new double[BATCH * 784];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble();
        }
        classes = new int[BATCH];
        for (int r = 0; r < BATCH; r++) {
            classes[r] = rng.nextInt(10);
        }
    }

    /** One training step; returns the loss before the update. */
    public double step() {
        Tape tape = new Tape();
        Scalar loss = Loss.crossEntropy(net.forward(tape.constant(Shape.of(BATCH, 784), x)), classes);
        sgd.step(loss.backward());
        return loss.value();
    }
}
