package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitrary;

/** {@code log}: the elementwise contract for x > 0. */
class LogGradientTest implements UnaryOpContract {
    @Override
    public UnaryOp op() {
        return Log.INSTANCE;
    }

    @Override
    public UnaryOperator<Tensor> tensorMethod() {
        return Tensor::log;
    }

    @Override
    public UnaryOperator<Scalar> scalarMethod() {
        return Scalar::log;
    }

    @Override
    public DoubleUnaryOperator reference() {
        return Math::log;
    }

    @Override
    public Arbitrary<Double> domain() {
        return Domains.between(0.05, 5);
    }
}
