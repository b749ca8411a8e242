package dev.tapegrad.examples.bench;

import dev.tapegrad.autograd.Functional;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.examples.newton.BatchedHessian;
import dev.tapegrad.examples.newton.FlatMlp;
import dev.tapegrad.nn.Loss;
import dev.tapegrad.nn.Mlp;
import java.util.SplittableRandom;

/**
 * The full 21 x 21 Hessian of the seed network's loss: {@code Mlp.sigmoid(rng, 3, 4, 1)}'s weights as
 * one flat vector, {@code Loss.mse} over the eight 3-bit samples (x = 000..111, y = 1,1,1,0,1,0,1,1),
 * {@code Functional.hessian} on a fresh tape per call: as values (PyTorch's default), recorded (differentiable
 * again), or batched over 21 copies of the network.
 */
public final class HessianSeedNet {
    private static final FlatMlp LAYOUT = new FlatMlp(true, 3, 4, 1);
    private static final int[] TARGETS = {1, 1, 1, 0, 1, 0, 1, 1};
    private final double[] p;
    private final double[] x = new double[8 * 3];
    private final double[] y = new double[8];

    /** The weights of {@code Mlp.sigmoid(new SplittableRandom(seed), 3, 4, 1)}. */
    public HessianSeedNet(long seed) {
        p = FlatMlp.flatten(Mlp.sigmoid(new SplittableRandom(seed), 3, 4, 1));
        for (int i = 0; i < 8; i++) {
            for (int b = 0; b < 3; b++) {
                x[i * 3 + b] = (i >> (2 - b)) & 1;
            }
            y[i] = TARGETS[i];
        }
    }

    /** The Hessian, {@code [21, 21]}, on a fresh tape. */
    public Tensor hessian() {
        return hessian(true);
    }

    /**
     * The same Hessian as values only ({@code Functional.hessian(f, p, false)}, PyTorch's default
     * {@code create_graph=False}): a constant, on a fresh tape.
     */
    public Tensor valuesHessian() {
        return hessian(false);
    }

    /** {@code Functional.hessian(f, p, createGraph)} of the loss, on a fresh tape. */
    private Tensor hessian(boolean createGraph) {
        Tape tape = new Tape();
        Tensor params = tape.tensor(Shape.of(p.length), p);
        Tensor input = tape.constant(Shape.of(8, 3), x);
        Tensor target = tape.constant(Shape.of(8, 1), y);
        return Functional.hessian(q -> Loss.mse(LAYOUT.forward(q, input), target), params, createGraph);
    }

    /** One values-only Hessian; returns its first element. */
    public double runValues() {
        return valuesHessian().get(0, 0).value();
    }

    /** The same Hessian in two sweeps over 21 copies of the network ({@link BatchedHessian}), on a fresh tape. */
    public Tensor batchedHessian() {
        Tape tape = new Tape();
        Tensor params = tape.tensor(Shape.of(p.length), p);
        Tensor input = tape.constant(Shape.of(8, 3), x).transpose();
        Tensor target = tape.constant(Shape.of(1, 8), y);
        return BatchedHessian.hessian(rows -> {
            Tensor r = LAYOUT.forwardRows(rows, input).sub(target);
            return r.mul(r).sum().div(8);
        }, params);
    }

    /** One batched Hessian; returns its first element. */
    public double runBatched() {
        return batchedHessian().get(0, 0).value();
    }

    /** The first-order gradient ({@code backward()}) with parameter {@code i} moved by {@code t}. */
    double[] gradientWith(int i, double t) {
        double[] q = p.clone();
        q[i] += t;
        Tape tape = new Tape();
        Tensor params = tape.tensor(Shape.of(q.length), q);
        return Loss.mse(LAYOUT.forward(params, tape.constant(Shape.of(8, 3), x)), tape.constant(Shape.of(8, 1), y))
                .backward().of(params);
    }

    /** One Hessian; returns its first element. */
    public double run() {
        return hessian().get(0, 0).value();
    }
}
