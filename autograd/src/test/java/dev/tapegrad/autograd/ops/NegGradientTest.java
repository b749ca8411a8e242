package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitrary;

/** {@code neg}: the elementwise contract on [-3, 3]. */
class NegGradientTest implements UnaryOpContract {
    @Override
    public UnaryOp op() {
        return Neg.INSTANCE;
    }

    @Override
    public UnaryOperator<Tensor> tensorMethod() {
        return Tensor::neg;
    }

    @Override
    public UnaryOperator<Scalar> scalarMethod() {
        return Scalar::neg;
    }

    @Override
    public DoubleUnaryOperator reference() {
        return x -> -x;
    }

    @Override
    public Arbitrary<Double> domain() {
        return Domains.between(-3, 3);
    }
}
