package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapegrad.autograd.BinaryOp;
import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;

/**
 * The contract of an elementwise op of two operands, inherited by one test class per op: tensor with
 * tensor under NumPy broadcasting (random pairs and the named pairs [3,1]/[1,4] and [4]/[2,3,4]),
 * tensor with a {@code Scalar} and with a {@code double}, and the {@code Scalar} fast path with a
 * scalar and with a constant, all against finite differences; forward values against a plain-loop
 * broadcast written in the test.
 */
public interface BinaryOpContract {
    /** The op object. */
    BinaryOp op();

    /** Tensor with tensor, such as {@code Tensor::add}. */
    BinaryOperator<Tensor> tensorMethod();

    /** Tensor with a scalar node. */
    BiFunction<Tensor, Scalar, Tensor> tensorScalarMethod();

    /** Scalar node with a tensor. */
    BiFunction<Scalar, Tensor, Tensor> scalarTensorMethod();

    /** Tensor with a constant. */
    BiFunction<Tensor, Double, Tensor> tensorConstantMethod();

    /** The scalar fast path, such as {@code Scalar::add}. */
    BinaryOperator<Scalar> scalarMethod();

    /** The scalar fast path with a constant right operand. */
    BiFunction<Scalar, Double, Scalar> scalarConstantMethod();

    /** The function written independently. */
    DoubleBinaryOperator reference();

    /** The left operand's smooth domain. */
    Arbitrary<Double> left();

    /** The right operand's smooth domain. */
    Arbitrary<Double> right();

    @Provide
    default Arbitrary<GradCheck.Input[]> randomPairs() {
        return Domains.broadcastPairs().flatMap(this::pairOf);
    }

    @Provide
    default Arbitrary<GradCheck.Input[]> namedPairs() {
        Shape[][] named = Domains.namedBroadcastPairs();
        return Arbitraries.integers().between(0, named.length - 1).flatMap(i -> pairOf(named[i]));
    }

    @Provide
    default Arbitrary<GradCheck.Input[]> tensorAndScalar() {
        return Domains.shapes(0, 3).flatMap(s -> pairOf(new Shape[] {s, Shape.of()}));
    }

    @Provide
    default Arbitrary<GradCheck.Input[]> scalarAndTensor() {
        return Domains.shapes(0, 3).flatMap(s -> pairOf(new Shape[] {Shape.of(), s}));
    }

    @Provide
    default Arbitrary<double[]> scalarPair() {
        return Combinators.combine(left(), right()).as((a, b) -> new double[] {a, b});
    }

    private Arbitrary<GradCheck.Input[]> pairOf(Shape[] s) {
        return Combinators.combine(Domains.values(left(), s[0].size()), Domains.values(right(), s[1].size()))
                .as((a, b) -> new GradCheck.Input[] {GradCheck.Input.of(s[0], a), GradCheck.Input.of(s[1], b)});
    }

    @GradProperty
    default void randomBroadcastPairsMatchFiniteDifferences(@ForAll("randomPairs") GradCheck.Input[] in) {
        Check.gradientsAll(ts -> tensorMethod().apply(ts.get(0), ts.get(1)), in);
    }

    @GradProperty
    default void namedBroadcastPairsMatchFiniteDifferences(@ForAll("namedPairs") GradCheck.Input[] in) {
        Check.gradientsAll(ts -> tensorMethod().apply(ts.get(0), ts.get(1)), in);
    }

    @GradProperty
    default void opObjectMatchesFiniteDifferences(@ForAll("randomPairs") GradCheck.Input[] in) {
        Check.gradientsAll(ts -> op().apply(ts.get(0), ts.get(1)), in);
    }

    @GradProperty
    default void tensorWithScalarMatchesFiniteDifferences(@ForAll("tensorAndScalar") GradCheck.Input[] in) {
        Check.gradientsAll(ts -> tensorScalarMethod().apply(ts.get(0), ts.get(1).get()), in);
    }

    @GradProperty
    default void scalarWithTensorMatchesFiniteDifferences(@ForAll("scalarAndTensor") GradCheck.Input[] in) {
        Check.gradientsAll(ts -> scalarTensorMethod().apply(ts.get(0).get(), ts.get(1)), in);
    }

    @GradProperty
    default void tensorWithConstantMatchesFiniteDifferences(@ForAll("tensorAndScalar") GradCheck.Input[] in) {
        double c = in[1].values()[0];
        Check.gradients(t -> tensorConstantMethod().apply(t, c), in[0]);
    }

    @GradProperty
    default void scalarFastPathMatchesFiniteDifferences(@ForAll("scalarPair") double[] ab) {
        Check.gradients(t -> scalarMethod().apply(t.get(0), t.get(1)), GradCheck.Input.of(Shape.of(2), ab));
        // The same scalar on both sides: both partial derivatives land on one node.
        Check.gradients(t -> scalarMethod().apply(t.get(0).mul(0.5).add(1.0), t.get(0).mul(0.25).add(1.0)),
                GradCheck.Input.of(Shape.of(1), ab[0] > 0 ? ab[0] : 1.0));
    }

    @GradProperty
    default void scalarWithConstantMatchesFiniteDifferences(@ForAll("scalarPair") double[] ab) {
        Check.gradients(t -> scalarConstantMethod().apply(t.get(), ab[1]), GradCheck.Input.of(Shape.of(), ab[0]));
    }

    @GradProperty
    default void forwardValuesMatchPlainLoopBroadcast(@ForAll("randomPairs") GradCheck.Input[] in) {
        int[] sa = in[0].shape().dims();
        int[] sb = in[1].shape().dims();
        double[] expected = Reference.broadcast(reference(), in[0].values(), sa, in[1].values(), sb);
        Tape tape = new Tape();
        Tensor y = tensorMethod().apply(tape.tensor(in[0].shape(), in[0].values()),
                tape.constant(in[1].shape(), in[1].values()));
        Check.values(expected, Shape.of(Reference.broadcastShape(sa, sb)), y, 1e-14);
    }

    @GradProperty
    default void scalarFastPathValuesMatchReference(@ForAll("scalarPair") double[] ab) {
        Tape tape = new Tape();
        double expected = reference().applyAsDouble(ab[0], ab[1]);
        double tol = 1e-14 * Math.max(1, Math.abs(expected));
        assertEquals(expected, scalarMethod().apply(tape.scalar(ab[0]), tape.scalar(ab[1])).value(), tol);
        assertEquals(expected, scalarConstantMethod().apply(tape.scalar(ab[0]), ab[1]).value(), tol);
        assertEquals(expected, tensorConstantMethod().apply(tape.tensor(Shape.of(1), ab[0]), ab[1]).item(), tol);
    }
}
