package dev.tapegrad.examples.bench;

import dev.tapegrad.autograd.Leaf;
import dev.tapegrad.autograd.Shape;
import java.util.random.RandomGenerator;

/**
 * A persistent parameter for the benchmarks: a shape and values that plain SGD updates in place.
 * Stands in for nn's parameter type, so the benchmarks measure the same tape work nn will do.
 */
final class Param implements Leaf {
    private final Shape shape;
    final double[] data;

    Param(Shape shape, double[] data) {
        this.shape = shape;
        this.data = data;
    }

    /** Uniform in {@code [-1/sqrt(fanIn), 1/sqrt(fanIn))}, like PyTorch's Linear initialisation. */
    static Param uniform(RandomGenerator rng, int fanIn, int... dims) {
        Shape s = Shape.of(dims);
        double bound = 1 / Math.sqrt(fanIn);
        double[] x = new double[s.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble(-bound, bound);
        }
        return new Param(s, x);
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public double[] values() {
        return data.clone();
    }

    /** {@code data -= lr * grad}. */
    void sgd(double lr, double[] grad) {
        for (int i = 0; i < data.length; i++) {
            data[i] -= lr * grad[i];
        }
    }
}
