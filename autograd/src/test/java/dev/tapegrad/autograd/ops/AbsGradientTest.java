package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitrary;

/** {@code abs}: the elementwise contract off the kink at 0. */
class AbsGradientTest implements UnaryOpContract {
    @Override
    public UnaryOp op() {
        return Abs.INSTANCE;
    }

    @Override
    public UnaryOperator<Tensor> tensorMethod() {
        return Tensor::abs;
    }

    @Override
    public UnaryOperator<Scalar> scalarMethod() {
        return Scalar::abs;
    }

    @Override
    public DoubleUnaryOperator reference() {
        return x -> x < 0 ? -x : x;
    }

    @Override
    public Arbitrary<Double> domain() {
        return Domains.awayFromZero(0.01, 3);
    }
}
