package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.BinaryOp;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Tensor;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import net.jqwik.api.Arbitrary;

/** {@code sub}: the broadcasting contract for any operands. */
class SubGradientTest implements BinaryOpContract {
    @Override
    public BinaryOp op() {
        return Sub.INSTANCE;
    }

    @Override
    public BinaryOperator<Tensor> tensorMethod() {
        return Tensor::sub;
    }

    @Override
    public BiFunction<Tensor, Scalar, Tensor> tensorScalarMethod() {
        return Tensor::sub;
    }

    @Override
    public BiFunction<Scalar, Tensor, Tensor> scalarTensorMethod() {
        return Scalar::sub;
    }

    @Override
    public BiFunction<Tensor, Double, Tensor> tensorConstantMethod() {
        return Tensor::sub;
    }

    @Override
    public BinaryOperator<Scalar> scalarMethod() {
        return Scalar::sub;
    }

    @Override
    public BiFunction<Scalar, Double, Scalar> scalarConstantMethod() {
        return Scalar::sub;
    }

    @Override
    public DoubleBinaryOperator reference() {
        return (a, b) -> a - b;
    }

    @Override
    public Arbitrary<Double> left() {
        return Domains.between(-3, 3);
    }

    @Override
    public Arbitrary<Double> right() {
        return Domains.between(-3, 3);
    }
}
