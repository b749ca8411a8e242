package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitrary;

/** {@code cos}: the elementwise contract on [-4, 4]. */
class CosGradientTest implements UnaryOpContract {
    @Override
    public UnaryOp op() {
        return Cos.INSTANCE;
    }

    @Override
    public UnaryOperator<Tensor> tensorMethod() {
        return Tensor::cos;
    }

    @Override
    public UnaryOperator<Scalar> scalarMethod() {
        return Scalar::cos;
    }

    @Override
    public DoubleUnaryOperator reference() {
        return Math::cos;
    }

    @Override
    public Arbitrary<Double> domain() {
        return Domains.between(-4, 4);
    }
}
