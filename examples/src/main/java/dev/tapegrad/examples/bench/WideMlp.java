package dev.tapegrad.examples.bench;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.SplittableRandom;

/**
 * The wide MLP step: batch 128, 784-256-256-10, sigmoid hidden layers, softmax cross-entropy (log
 * softmax and a one-hot mask), backward, and an SGD update, on raw tensors as nn will record them.
 * The thread count is that of the pool the step runs in (see {@code kernel.Parallel}).
 */
public final class WideMlp {
    private static final int BATCH = 128;
    private static final int[] SIZES = {784, 256, 256, 10};
    private final Param[] w = new Param[3];
    private final Param[] b = new Param[3];
    private final double[] x;
    private final double[] onehot;

    /** Weights and a batch drawn from {@code seed}. */
    public WideMlp(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int l = 0; l < 3; l++) {
            w[l] = Param.uniform(rng, SIZES[l], SIZES[l], SIZES[l + 1]);
            b[l] = Param.uniform(rng, SIZES[l], SIZES[l + 1]);
        }
        x = new double[BATCH * SIZES[0]];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble();
        }
        onehot = new double[BATCH * 10];
        for (int r = 0; r < BATCH; r++) {
            onehot[r * 10 + rng.nextInt(10)] = 1;
        }
    }

    /** One training step; returns the loss before the update. */
    public double step() {
        Tape tape = new Tape();
        Tensor h = tape.constant(Shape.of(BATCH, SIZES[0]), x);
        for (int l = 0; l < 3; l++) {
            h = h.matmul(tape.leaf(w[l])).add(tape.leaf(b[l]));
            if (l < 2) {
                h = h.sigmoid();
            }
        }
        Tensor target = tape.constant(Shape.of(BATCH, 10), onehot);
        Scalar loss = h.logSoftmax(1).mul(target).sum().div(-BATCH);
        Gradients g = loss.backward();
        for (int l = 0; l < 3; l++) {
            w[l].sgd(0.1, g.of(w[l]));
            b[l].sgd(0.1, g.of(b[l]));
        }
        return loss.value();
    }
}
