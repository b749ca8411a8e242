package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitrary;

/** {@code tanh}: the elementwise contract on [-3, 3]. */
class TanhGradientTest implements UnaryOpContract {
    @Override
    public UnaryOp op() {
        return Tanh.INSTANCE;
    }

    @Override
    public UnaryOperator<Tensor> tensorMethod() {
        return Tensor::tanh;
    }

    @Override
    public UnaryOperator<Scalar> scalarMethod() {
        return Scalar::tanh;
    }

    @Override
    public DoubleUnaryOperator reference() {
        return (x -> (Math.exp(2 * x) - 1) / (Math.exp(2 * x) + 1));
    }

    @Override
    public Arbitrary<Double> domain() {
        return Domains.between(-3, 3);
    }
}
