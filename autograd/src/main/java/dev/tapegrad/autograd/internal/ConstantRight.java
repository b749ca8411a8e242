package dev.tapegrad.autograd.internal;

import dev.tapegrad.autograd.BinaryOp;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;

/**
 * A binary op with its right operand fixed, as an elementwise function of the left one:
 * {@code y = f(x, c)}, {@code dy/dx = df/da (x, c)}. The scalar fast path records {@code x.mul(2)} this
 * way, as one node with the constant beside it.
 */
final class ConstantRight implements UnaryOp {
    private final BinaryOp op;
    private final double constant;

    ConstantRight(BinaryOp op, double constant) {
        this.op = op;
        this.constant = constant;
    }

    @Override
    public String name() {
        return op.name();
    }

    @Override
    public double value(double x) {
        return op.value(x, constant);
    }

    @Override
    public double derivative(double x, double y) {
        return op.partialA(x, constant, y);
    }

    @Override
    public Tensor derivative(Tensor x, Tensor y) {
        return op.partialA(x, x.tape().constant(constant).asTensor(), y);
    }

    @Override
    public String toString() {
        return op.name() + "(" + constant + ")";
    }
}
