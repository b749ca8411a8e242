package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernel.Lanewise;
import dev.tapegrad.autograd.kernel.Elementwise;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.UnaryOp;

/** Logistic sigmoid. {@code y = 1 / (1 + e^-x)}; {@code dy/dx = y (1 - y)}, read from the output. */
public final class Sigmoid implements UnaryOp {
    /** The one instance. */
    public static final Sigmoid INSTANCE = new Sigmoid();

    private Sigmoid() {}

    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public double value(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    @Override
    public double derivative(double x, double y) {
        return y * (1.0 - y);
    }

    /** {@code y (1 - y)}. */
    @Override
    public Tensor derivative(Tensor x, Tensor y) {
        return y.mul(y.neg().add(1.0));
    }

    /** From {@link Elementwise#LANEWISE} elements on, the vectorised kernel: the values above, within a few ulps of {@code Math.exp}'s. */
    @Override
    public double[] forward(OpCall call) {
        double[] x = call.input(0);
        if (x.length >= Elementwise.LANEWISE) {
            return Elementwise.map(Lanewise::sigmoid, x);
        }
        // A loop of its own: the shared one calls value through a lambda, a megamorphic call per element.
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = value(x[i]);
        }
        return y;
    }

    /** {@code gx = g y (1 - y)}, fused in one vectorised pass for large arrays. */
    @Override
    public double[][] backward(OpCall call, double[] gradOutput) {
        double[] y = call.output();
        if (gradOutput.length >= Elementwise.LANEWISE) {
            return new double[][] {Elementwise.map(Lanewise::sigmoidBackward, gradOutput, y)};
        }
        double[] gx = new double[y.length];
        for (int i = 0; i < gx.length; i++) {
            gx[i] = gradOutput[i] * derivative(0, y[i]);
        }
        return new double[][] {gx};
    }
}
