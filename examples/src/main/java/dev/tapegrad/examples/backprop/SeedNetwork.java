package dev.tapegrad.examples.backprop;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Tape;
import java.util.SplittableRandom;

/**
 * The second seed's network: one sigmoid neuron per layer, {@code h = sigmoid(w1*x + b1)},
 * {@code o = sigmoid(w2*h + b2)}, squared error {@code E = (o - y)^2 / 2}. Immutable; the parameters
 * are kept in network order {@code w1, b1, w2, b2}.
 */
record SeedNetwork(double w1, double b1, double w2, double b2) {
    /** The parameter names, in the order of {@link #parameters()}. */
    static final String[] NAMES = {"w1", "b1", "w2", "b2"};

    /** Weights and biases drawn uniformly from [-1, 1) (PyTorch's default for one input), seeded. */
    static SeedNetwork init(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new SeedNetwork(rng.nextDouble(-1, 1), rng.nextDouble(-1, 1), rng.nextDouble(-1, 1), rng.nextDouble(-1, 1));
    }

    static SeedNetwork of(double[] p) {
        return new SeedNetwork(p[0], p[1], p[2], p[3]);
    }

    double[] parameters() {
        return new double[] {w1, b1, w2, b2};
    }

    /** The hidden unit's output {@code h} for input {@code x}. */
    double hidden(double x) {
        return sigmoid(w1 * x + b1);
    }

    /** The network's output {@code o} for input {@code x}. */
    double output(double x) {
        return sigmoid(w2 * hidden(x) + b2);
    }

    /** {@code E = (o - y)^2 / 2}, in plain Java (no tape): the finite differences' function. */
    double loss(double x, double y) {
        double d = output(x) - y;
        return 0.5 * d * d;
    }

    /**
     * The four gradients as Tapegrad computes them: the forward pass written on a tape, then
     * {@code backward()}. Nothing here knows a derivative.
     */
    double[] tapegradGradients(double x, double y) {
        Tape tape = new Tape();
        Scalar[] p = {tape.scalar(w1), tape.scalar(b1), tape.scalar(w2), tape.scalar(b2)};
        Scalar h = p[0].mul(x).add(p[1]).sigmoid();
        Scalar o = p[2].mul(h).add(p[3]).sigmoid();
        Scalar e = o.sub(y).pow(2).mul(0.5);
        Gradients g = e.backward();
        return new double[] {g.of(p[0]), g.of(p[1]), g.of(p[2]), g.of(p[3])};
    }

    /** Central finite differences of {@link #loss} with step {@code eps}: an independent referee. */
    double[] finiteDifferences(double x, double y, double eps) {
        double[] p = parameters();
        double[] g = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double[] plus = p.clone();
            double[] minus = p.clone();
            plus[i] += eps;
            minus[i] -= eps;
            g[i] = (of(plus).loss(x, y) - of(minus).loss(x, y)) / (2 * eps);
        }
        return g;
    }

    static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }
}
