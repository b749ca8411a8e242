package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernel.Lanewise;
import dev.tapegrad.autograd.kernel.Elementwise;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.UnaryOp;

/** Hyperbolic tangent. {@code y = tanh x}; {@code dy/dx = 1 - y^2}, read from the output. */
public final class Tanh implements UnaryOp {
    /** The one instance. */
    public static final Tanh INSTANCE = new Tanh();


    private Tanh() {}

    /**
     * The gradient from the output, {@code g (1 - y^2)}, as one fused op ({@code tanhBackward}): this op's
     * recorded backward, and its derivative node with {@code g = 1}. The polynomial's coefficients,
     * from the constant term up, are the derivative's one definition for recorded differentiation.
     */
    public static ScaledPolynomial gradientFromOutput() {
        return INSTANCE.backward;
    }

    // An op is immutable, so one serves every call, and its derivatives come made with it.
    private final ScaledPolynomial backward = new ScaledPolynomial("tanhBackward", 1, 0, -1);

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public double value(double x) {
        return Math.tanh(x);
    }

    @Override
    public double derivative(double x, double y) {
        return 1.0 - y * y;
    }

    /** {@link #gradientFromOutput()} with a gradient of ones. */
    @Override
    public Tensor derivative(Tensor x, Tensor y) {
        return gradientFromOutput().apply(y.tape().constant(1.0).asTensor().expand(y.shape()), y).asTensor();
    }

    /**
     * {@code gx = g (1 - y^2)} as one fused node ({@link #gradientFromOutput()}) instead of the derivative's
     * chain of elementwise nodes and a product, at any order.
     */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor gradOutput) {
        return new Tensor[] {gradientFromOutput().apply(gradOutput, output).asTensor()};
    }

    /** From {@link Elementwise#LANEWISE} elements on, the kernel loop (split over threads for large arrays): exactly the values above. */
    @Override
    public double[] forward(OpCall call) {
        double[] x = call.input(0);
        return x.length < Elementwise.LANEWISE ? UnaryOp.super.forward(call) : Elementwise.map(Lanewise::tanh, x);
    }

    /** {@code gx = g (1 - y^2)}, fused in one vectorised pass for large arrays. */
    @Override
    public double[][] backward(OpCall call, double[] gradOutput) {
        return gradOutput.length < Elementwise.LANEWISE ? UnaryOp.super.backward(call, gradOutput)
                : new double[][] {Elementwise.map(Lanewise::tanhBackward, gradOutput, call.output())};
    }
}
