package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitrary;

/** {@code sqrt}: the elementwise contract for x > 0. */
class SqrtGradientTest implements UnaryOpContract {
    @Override
    public UnaryOp op() {
        return Sqrt.INSTANCE;
    }

    @Override
    public UnaryOperator<Tensor> tensorMethod() {
        return Tensor::sqrt;
    }

    @Override
    public UnaryOperator<Scalar> scalarMethod() {
        return Scalar::sqrt;
    }

    @Override
    public DoubleUnaryOperator reference() {
        return Math::sqrt;
    }

    @Override
    public Arbitrary<Double> domain() {
        return Domains.between(0.05, 5);
    }
}
