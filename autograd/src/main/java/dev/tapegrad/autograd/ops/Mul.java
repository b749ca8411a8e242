package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.BinaryOp;

/** Multiplication. {@code y = a b}; {@code dy/da = b}, {@code dy/db = a}. */
public final class Mul implements BinaryOp {
    /** The one instance. */
    public static final Mul INSTANCE = new Mul();

    private Mul() {}

    @Override
    public String name() {
        return "mul";
    }

    @Override
    public double value(double a, double b) {
        return a * b;
    }

    @Override
    public double partialA(double a, double b, double y) {
        return b;
    }

    @Override
    public double partialB(double a, double b, double y) {
        return a;
    }

    /** {@code b}, broadcast to the output. */
    @Override
    public Tensor partialA(Tensor a, Tensor b, Tensor y) {
        return b.expand(y.shape());
    }

    /** {@code a}, broadcast to the output. */
    @Override
    public Tensor partialB(Tensor a, Tensor b, Tensor y) {
        return a.expand(y.shape());
    }

    /** {@code ga = sumTo(g b)}, {@code gb = sumTo(g a)}. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        return new Tensor[] {
            inputs[0].requiresGrad() ? g.mul(inputs[1]).sumTo(inputs[0].shape()) : null,
            inputs[1].requiresGrad() ? g.mul(inputs[0]).sumTo(inputs[1].shape()) : null,
        };
    }
}
