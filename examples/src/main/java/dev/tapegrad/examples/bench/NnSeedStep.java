package dev.tapegrad.examples.bench;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.nn.Loss;
import dev.tapegrad.nn.Mlp;
import dev.tapegrad.nn.Sequential;
import dev.tapegrad.nn.Sgd;
import java.util.SplittableRandom;

/**
 * The seed step through the public nn API a user writes: a
 * {@code Mlp.sigmoid(rng, 3, 4, 1)} on one sample, {@code Loss.mse}, backward, {@code Sgd.step}.
 * {@link SeedStep} records the same work on raw tensors, so the two side by side show what nn costs.
 */
public final class NnSeedStep {
    private static final Shape X_SHAPE = Shape.of(1, 3);
    private static final Shape Y_SHAPE = Shape.of(1, 1);
    private final Sequential net;
    private final Sgd sgd;
    private final double[] x = {1, 0, 1};
    private final double[] y = {0};

    /** A network initialised from {@code seed}. */
    public NnSeedStep(long seed) {
        net = Mlp.sigmoid(new SplittableRandom(seed), 3, 4, 1);
        sgd = Sgd.builder(net.parameters()).learningRate(0.5).build();
    }

    /** One training step; returns the loss before the update. */
    public double step() {
        Tape tape = new Tape();
        Scalar loss = Loss.mse(net.forward(tape.constant(X_SHAPE, x)), tape.constant(Y_SHAPE, y));
        sgd.step(loss.backward());
        return loss.value();
    }
}
