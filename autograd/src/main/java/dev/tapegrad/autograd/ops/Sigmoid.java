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

    /**
     * The gradient from the output, {@code g y (1 - y)}, as one fused op ({@code sigmoidBackward}): this op's
     * recorded backward, and its derivative node with {@code g = 1}. The polynomial's coefficients,
     * from the constant term up, are the derivative's one definition for recorded differentiation.
     */
    public static ScaledPolynomial gradientFromOutput() {
        return INSTANCE.backward;
    }

    // An op is immutable, so one serves every call, and its derivatives come made with it.
    private final ScaledPolynomial backward = new ScaledPolynomial("sigmoidBackward", 0, 1, -1);

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

    /** {@link #gradientFromOutput()} with a gradient of ones. */
    @Override
    public Tensor derivative(Tensor x, Tensor y) {
        return gradientFromOutput().apply(y.tape().constant(1.0).asTensor().expand(y.shape()), y).asTensor();
    }

    /**
     * {@code gx = g y (1 - y)} as one fused node ({@link #gradientFromOutput()}) instead of the derivative's
     * chain of elementwise nodes and a product, at any order.
     */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor gradOutput) {
        return new Tensor[] {gradientFromOutput().apply(gradOutput, output).asTensor()};
    }

    /** {@link #values} into a new array. */
    @Override
    public double[] forward(OpCall call) {
        double[] x = call.input(0);
        double[] y = new double[x.length];
        values(x, y);
        return y;
    }

    /**
     * {@code y[i] = sigmoid(x[i])}, {@code y} of {@code x}'s length and possibly {@code x} itself: from
     * {@link Elementwise#LANEWISE} elements on, the kernel loop (split over threads for large arrays),
     * exactly the values of {@link #value}. Does not modify {@code x} unless it is {@code y}.
     */
    static void values(double[] x, double[] y) {
        if (x.length >= Elementwise.LANEWISE) {
            Elementwise.mapInto(Lanewise::sigmoid, x, y);
            return;
        }
        // A loop of its own: the shared one calls value through a lambda, a megamorphic call per element.
        for (int i = 0; i < y.length; i++) {
            y[i] = INSTANCE.value(x[i]);
        }
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
