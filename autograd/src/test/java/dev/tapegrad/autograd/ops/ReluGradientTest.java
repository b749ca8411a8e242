package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitrary;

/** {@code relu}: the elementwise contract off the kink at 0. */
class ReluGradientTest implements UnaryOpContract {
    @Override
    public UnaryOp op() {
        return Relu.INSTANCE;
    }

    @Override
    public UnaryOperator<Tensor> tensorMethod() {
        return Tensor::relu;
    }

    @Override
    public UnaryOperator<Scalar> scalarMethod() {
        return Scalar::relu;
    }

    @Override
    public DoubleUnaryOperator reference() {
        return x -> x > 0 ? x : 0;
    }

    @Override
    public Arbitrary<Double> domain() {
        return Domains.awayFromZero(0.01, 3);
    }
}
