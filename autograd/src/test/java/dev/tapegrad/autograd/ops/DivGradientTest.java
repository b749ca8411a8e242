package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.BinaryOp;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Tensor;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import net.jqwik.api.Arbitrary;

/** {@code div}: the broadcasting contract with the divisor away from 0. */
class DivGradientTest implements BinaryOpContract {
    @Override
    public BinaryOp op() {
        return Div.INSTANCE;
    }

    @Override
    public BinaryOperator<Tensor> tensorMethod() {
        return Tensor::div;
    }

    @Override
    public BiFunction<Tensor, Scalar, Tensor> tensorScalarMethod() {
        return Tensor::div;
    }

    @Override
    public BiFunction<Scalar, Tensor, Tensor> scalarTensorMethod() {
        return Scalar::div;
    }

    @Override
    public BiFunction<Tensor, Double, Tensor> tensorConstantMethod() {
        return Tensor::div;
    }

    @Override
    public BinaryOperator<Scalar> scalarMethod() {
        return Scalar::div;
    }

    @Override
    public BiFunction<Scalar, Double, Scalar> scalarConstantMethod() {
        return Scalar::div;
    }

    @Override
    public DoubleBinaryOperator reference() {
        return (a, b) -> a / b;
    }

    @Override
    public Arbitrary<Double> left() {
        return Domains.between(-3, 3);
    }

    @Override
    public Arbitrary<Double> right() {
        return Domains.awayFromZero(0.5, 3);
    }
}
