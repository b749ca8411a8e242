package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernel.SmallBinary;
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

    /** Small same-size or scalar operands by {@link SmallBinary}'s loop, else the broadcasting kernel. */
    @Override
    public double[] forward(OpCall call) {
        double[] y = SmallBinary.forward(SmallBinary.MUL, call.input(0), call.input(1),
                call.outputShape().size());
        return y != null ? y : BinaryOp.super.forward(call);
    }

    /** Small same-size or scalar operands by {@link SmallBinary}'s loop, else the broadcasting kernel. */
    @Override
    public double[][] backward(OpCall call, double[] gradOutput) {
        double[][] g = SmallBinary.backward(SmallBinary.MUL, call.input(0), call.needsGradient(0),
                call.input(1), call.needsGradient(1), gradOutput);
        return g != null ? g : BinaryOp.super.backward(call, gradOutput);
    }
}
