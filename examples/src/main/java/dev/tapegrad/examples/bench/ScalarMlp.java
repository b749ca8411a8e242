package dev.tapegrad.examples.bench;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Tape;
import java.util.SplittableRandom;

/**
 * The scalar MLP: a 50-100-100-1 sigmoid network evaluated on {@link Scalar}s (micrograd style, one
 * node per multiply and add) for 33 samples, with a sum-of-squares loss, forward and backward:
 * about a million ops.
 */
public final class ScalarMlp {
    private static final int[] SIZES = {50, 100, 100, 1};
    private static final int SAMPLES = 33;
    private final double[][] weights = new double[SIZES.length - 1][];
    private final double[][] xs = new double[SAMPLES][SIZES[0]];
    private final double[] ys = new double[SAMPLES];
    private int lastOps;

    /** Weights and data drawn from {@code seed}. */
    public ScalarMlp(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int l = 0; l < weights.length; l++) {
            int in = SIZES[l];
            int out = SIZES[l + 1];
            weights[l] = new double[out * (in + 1)];
            double bound = 1 / Math.sqrt(in);
            for (int i = 0; i < weights[l].length; i++) {
                weights[l][i] = rng.nextDouble(-bound, bound);
            }
        }
        for (int s = 0; s < SAMPLES; s++) {
            for (int i = 0; i < SIZES[0]; i++) {
                xs[s][i] = rng.nextDouble(-1, 1);
            }
            ys[s] = rng.nextBoolean() ? 1 : 0;
        }
    }

    /** Forward and backward once; returns the gradient of the first weight. */
    public double run() {
        return pass(true);
    }

    /** The forward half of {@link #run()}: records the same ops; returns the loss. */
    public double forward() {
        return pass(false);
    }

    private double pass(boolean backward) {
        Tape tape = new Tape();
        Scalar[][] w = new Scalar[weights.length][];
        for (int l = 0; l < weights.length; l++) {
            w[l] = new Scalar[weights[l].length];
            for (int i = 0; i < w[l].length; i++) {
                w[l][i] = tape.scalar(weights[l][i]);
            }
        }
        int leaves = tape.size();
        Scalar loss = null;
        for (int s = 0; s < SAMPLES; s++) {
            Scalar[] h = firstLayer(w[0], xs[s]);
            for (int l = 1; l < weights.length; l++) {
                h = layer(w[l], h, SIZES[l + 1]);
            }
            Scalar d = h[0].sub(ys[s]);
            Scalar sq = d.mul(d);
            loss = loss == null ? sq : loss.add(sq);
        }
        lastOps = tape.size() - leaves;
        if (!backward) {
            return loss.value();
        }
        Gradients g = loss.backward();
        return g.of(w[0][0]);
    }

    /** The number of ops (non-leaf nodes) the last {@link #run()} recorded. */
    public int lastOps() {
        return lastOps;
    }

    // Inputs are plain numbers, so the first layer multiplies by constants: one node per product.
    private static Scalar[] firstLayer(Scalar[] w, double[] x) {
        int in = x.length;
        Scalar[] out = new Scalar[SIZES[1]];
        for (int o = 0; o < out.length; o++) {
            int row = o * (in + 1);
            Scalar acc = w[row + in];
            for (int i = 0; i < in; i++) {
                acc = acc.add(w[row + i].mul(x[i]));
            }
            out[o] = acc.sigmoid();
        }
        return out;
    }

    private static Scalar[] layer(Scalar[] w, Scalar[] x, int outSize) {
        int in = x.length;
        Scalar[] out = new Scalar[outSize];
        for (int o = 0; o < outSize; o++) {
            int row = o * (in + 1);
            Scalar acc = w[row + in];
            for (int i = 0; i < in; i++) {
                acc = acc.add(w[row + i].mul(x[i]));
            }
            out[o] = acc.sigmoid();
        }
        return out;
    }
}
