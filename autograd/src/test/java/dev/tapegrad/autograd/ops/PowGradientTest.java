package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.BinaryOp;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Tensor;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import net.jqwik.api.Arbitrary;

/** {@code pow}: the broadcasting contract with a positive base. */
class PowGradientTest implements BinaryOpContract {
    @Override
    public BinaryOp op() {
        return Pow.INSTANCE;
    }

    @Override
    public BinaryOperator<Tensor> tensorMethod() {
        return Tensor::pow;
    }

    @Override
    public BiFunction<Tensor, Scalar, Tensor> tensorScalarMethod() {
        return (t, s) -> t.pow(s.asTensor());
    }

    @Override
    public BiFunction<Scalar, Tensor, Tensor> scalarTensorMethod() {
        return (s, t) -> s.asTensor().pow(t);
    }

    @Override
    public BiFunction<Tensor, Double, Tensor> tensorConstantMethod() {
        return Tensor::pow;
    }

    @Override
    public BinaryOperator<Scalar> scalarMethod() {
        return Scalar::pow;
    }

    @Override
    public BiFunction<Scalar, Double, Scalar> scalarConstantMethod() {
        return Scalar::pow;
    }

    @Override
    public DoubleBinaryOperator reference() {
        return (a, b) -> Math.exp(b * Math.log(a));
    }

    @Override
    public Arbitrary<Double> left() {
        return Domains.between(0.2, 3);
    }

    @Override
    public Arbitrary<Double> right() {
        return Domains.between(-2, 2);
    }
}
