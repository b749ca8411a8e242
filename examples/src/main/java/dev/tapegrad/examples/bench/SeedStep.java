package dev.tapegrad.examples.bench;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.SplittableRandom;

/**
 * The seed step: a 3-4-1 sigmoid MLP on one sample, forward, mean squared error, backward and an SGD
 * update. Written on raw tensors (Linear = matmul + add + sigmoid, SGD = a loop), the work nn's
 * {@code Linear}, {@code Loss.mse} and {@code Sgd} will record on the tape.
 */
public final class SeedStep {
    private static final Shape X_SHAPE = Shape.of(1, 3);
    private static final Shape Y_SHAPE = Shape.of(1, 1);
    private final Param w1;
    private final Param b1;
    private final Param w2;
    private final Param b2;
    private final double[] x = {1, 0, 1};
    private final double[] y = {0};

    /** A network initialised from {@code seed}. */
    public SeedStep(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        w1 = Param.uniform(rng, 3, 3, 4);
        b1 = Param.uniform(rng, 3, 4);
        w2 = Param.uniform(rng, 4, 4, 1);
        b2 = Param.uniform(rng, 4, 1);
    }

    /** One training step; returns the loss before the update. */
    public double step() {
        Tape tape = new Tape();
        Tensor input = tape.constant(X_SHAPE, x);
        Tensor h = input.matmul(tape.leaf(w1)).add(tape.leaf(b1)).sigmoid();
        Tensor out = h.matmul(tape.leaf(w2)).add(tape.leaf(b2)).sigmoid();
        Scalar loss = out.sub(tape.constant(Y_SHAPE, y)).pow(2).mean();
        Gradients g = loss.backward();
        double lr = 0.5;
        w1.sgd(lr, g.of(w1));
        b1.sgd(lr, g.of(b1));
        w2.sgd(lr, g.of(w2));
        b2.sgd(lr, g.of(b2));
        return loss.value();
    }
}
