package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernel.Lanewise;
import dev.tapegrad.autograd.kernel.Elementwise;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.UnaryOp;

/** Exponential. {@code y = e^x}; {@code dy/dx = y}. */
public final class Exp implements UnaryOp {
    /** The one instance. */
    public static final Exp INSTANCE = new Exp();

    private Exp() {}

    @Override
    public String name() {
        return "exp";
    }

    @Override
    public double value(double x) {
        return Math.exp(x);
    }

    @Override
    public double derivative(double x, double y) {
        return y;
    }

    /** {@code y}. */
    @Override
    public Tensor derivative(Tensor x, Tensor y) {
        return y;
    }

    /** From {@link Elementwise#LANEWISE} elements on, the kernel loop (split over threads for large arrays): exactly the values above. */
    @Override
    public double[] forward(OpCall call) {
        double[] x = call.input(0);
        return x.length < Elementwise.LANEWISE ? UnaryOp.super.forward(call) : Elementwise.map(Lanewise::exp, x);
    }
}
