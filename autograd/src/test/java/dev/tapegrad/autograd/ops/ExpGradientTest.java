package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitrary;

/** {@code exp}: the elementwise contract on [-3, 3]. */
class ExpGradientTest implements UnaryOpContract {
    @Override
    public UnaryOp op() {
        return Exp.INSTANCE;
    }

    @Override
    public UnaryOperator<Tensor> tensorMethod() {
        return Tensor::exp;
    }

    @Override
    public UnaryOperator<Scalar> scalarMethod() {
        return Scalar::exp;
    }

    @Override
    public DoubleUnaryOperator reference() {
        return Math::exp;
    }

    @Override
    public Arbitrary<Double> domain() {
        return Domains.between(-3, 3);
    }
}
