package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitrary;

/** {@code sigmoid}: the elementwise contract on [-6, 6]. */
class SigmoidGradientTest implements UnaryOpContract {
    @Override
    public UnaryOp op() {
        return Sigmoid.INSTANCE;
    }

    @Override
    public UnaryOperator<Tensor> tensorMethod() {
        return Tensor::sigmoid;
    }

    @Override
    public UnaryOperator<Scalar> scalarMethod() {
        return Scalar::sigmoid;
    }

    @Override
    public DoubleUnaryOperator reference() {
        return x -> Math.exp(x) / (1 + Math.exp(x));
    }

    @Override
    public Arbitrary<Double> domain() {
        return Domains.between(-6, 6);
    }
}
