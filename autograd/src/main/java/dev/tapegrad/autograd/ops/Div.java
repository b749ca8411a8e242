package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.BinaryOp;

/**
 * Division. {@code y = a / b}; {@code dy/da = 1 / b}, {@code dy/db = -a / b^2}, computed as
 * {@code -(a / b) / b} so that squaring {@code b} cannot overflow or underflow where the partial itself
 * is representable (at {@code a = b = 1e-200} it is {@code -1e200}).
 */
public final class Div implements BinaryOp {
    /** The one instance. */
    public static final Div INSTANCE = new Div();

    private Div() {}

    @Override
    public String name() {
        return "div";
    }

    @Override
    public double value(double a, double b) {
        return a / b;
    }

    @Override
    public double partialA(double a, double b, double y) {
        return 1.0 / b;
    }

    @Override
    public double partialB(double a, double b, double y) {
        return -(a / b) / b;
    }

    /** {@code 1 / b}, broadcast to the output. */
    @Override
    public Tensor partialA(Tensor a, Tensor b, Tensor y) {
        return b.pow(-1.0).expand(y.shape());
    }

    /** {@code -(y / b)}, which is {@code -(a / b) / b}. */
    @Override
    public Tensor partialB(Tensor a, Tensor b, Tensor y) {
        return y.div(b).neg();
    }

    /** {@code ga = sumTo(g / b)}, {@code gb = sumTo(g (-(y / b)))}. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        Tensor a = inputs[0];
        Tensor b = inputs[1];
        return new Tensor[] {
            a.requiresGrad() ? g.div(b).sumTo(a.shape()) : null,
            b.requiresGrad() ? g.mul(partialB(a, b, output)).sumTo(b.shape()) : null,
        };
    }
}
