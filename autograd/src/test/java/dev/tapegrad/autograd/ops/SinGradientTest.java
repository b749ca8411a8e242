package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitrary;

/** {@code sin}: the elementwise contract on [-4, 4]. */
class SinGradientTest implements UnaryOpContract {
    @Override
    public UnaryOp op() {
        return Sin.INSTANCE;
    }

    @Override
    public UnaryOperator<Tensor> tensorMethod() {
        return Tensor::sin;
    }

    @Override
    public UnaryOperator<Scalar> scalarMethod() {
        return Scalar::sin;
    }

    @Override
    public DoubleUnaryOperator reference() {
        return Math::sin;
    }

    @Override
    public Arbitrary<Double> domain() {
        return Domains.between(-4, 4);
    }
}
