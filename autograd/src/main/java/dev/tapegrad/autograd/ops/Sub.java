package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernel.SmallBinary;
import dev.tapegrad.autograd.BinaryOp;

/** Subtraction. {@code y = a - b}; {@code dy/da = 1}, {@code dy/db = -1}. */
public final class Sub implements BinaryOp {
    /** The one instance. */
    public static final Sub INSTANCE = new Sub();

    private Sub() {}

    @Override
    public String name() {
        return "sub";
    }

    @Override
    public double value(double a, double b) {
        return a - b;
    }

    @Override
    public double partialA(double a, double b, double y) {
        return 1.0;
    }

    @Override
    public double partialB(double a, double b, double y) {
        return -1.0;
    }

    /** The constant 1. */
    @Override
    public Tensor partialA(Tensor a, Tensor b, Tensor y) {
        return y.tape().constant(1.0).asTensor().expand(y.shape());
    }

    /** The constant -1. */
    @Override
    public Tensor partialB(Tensor a, Tensor b, Tensor y) {
        return y.tape().constant(-1.0).asTensor().expand(y.shape());
    }

    /** {@code ga = sumTo(g)}, {@code gb = -sumTo(g)}. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        return new Tensor[] {
            inputs[0].requiresGrad() ? g.sumTo(inputs[0].shape()) : null,
            inputs[1].requiresGrad() ? g.neg().sumTo(inputs[1].shape()) : null,
        };
    }

    /** Small same-size or scalar operands by {@link SmallBinary}'s loop, else the broadcasting kernel. */
    @Override
    public double[] forward(OpCall call) {
        double[] y = SmallBinary.forward(SmallBinary.SUB, call.input(0), call.input(1),
                call.outputShape().size());
        return y != null ? y : BinaryOp.super.forward(call);
    }

    /** Small same-size or scalar operands by {@link SmallBinary}'s loop, else the broadcasting kernel. */
    @Override
    public double[][] backward(OpCall call, double[] gradOutput) {
        double[][] g = SmallBinary.backward(SmallBinary.SUB, call.input(0), call.needsGradient(0),
                call.input(1), call.needsGradient(1), gradOutput);
        return g != null ? g : BinaryOp.super.backward(call, gradOutput);
    }
}
