package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;

/**
 * A fully connected layer followed by the logistic sigmoid, as one op: inputs as {@link Affine}'s
 * ({@code x [N, in]} or {@code [in]}, {@code W [out, in]}, {@code b [out]}), output
 * {@code y = sigmoid(x W^T + b)}. With {@code g = dL/dy} and {@code gz = g y (1 - y)}:
 * {@code dL/dx = gz W}, {@code dL/dW = gz^T x}, {@code dL/db = sum over n of gz}. It applies the
 * sigmoid to the product's own array instead of a new one, and records one node instead of two; its
 * values and gradients are those of {@code x.linear(W, b).sigmoid()} bit for bit, since it runs the
 * same two definitions ({@link Affine}'s and {@link Sigmoid}'s) one after the other.
 */
public final class AffineSigmoid implements Op {
    /** The one instance. */
    public static final AffineSigmoid INSTANCE = new AffineSigmoid();

    private AffineSigmoid() {}

    @Override
    public String name() {
        return "linearSigmoid";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        return Affine.outputShape(this, inputs);
    }

    /** {@link Affine#forward}, then {@link Sigmoid#values} in place. */
    @Override
    public double[] forward(OpCall call) {
        double[] y = Affine.INSTANCE.forward(call);
        Sigmoid.values(y, y);
        return y;
    }

    /** {@link Sigmoid#backward} from this op's output, then {@link Affine#backward} with its result. */
    @Override
    public double[][] backward(OpCall call, double[] gradOutput) {
        return Affine.INSTANCE.backward(call, Sigmoid.INSTANCE.backward(call, gradOutput)[0]);
    }

    /** The two recorded definitions in turn: {@link Sigmoid#vjp}'s fused node, then {@link Affine#vjp}. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor gradOutput) {
        Tensor gz = Sigmoid.INSTANCE.vjp(new Tensor[] {null}, output, gradOutput)[0];
        return Affine.INSTANCE.vjp(inputs, null, gz);
    }
}
