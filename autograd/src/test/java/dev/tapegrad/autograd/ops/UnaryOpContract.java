package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;

/**
 * The contract of an elementwise op, inherited by one small test class per op: its tensor method,
 * its {@code Scalar} fast-path method and the op object itself all agree with finite differences in
 * the op's domain and with an independent reference for the values.
 */
public interface UnaryOpContract {
    /** The op object. */
    UnaryOp op();

    /** The tensor method, such as {@code Tensor::exp}. */
    UnaryOperator<Tensor> tensorMethod();

    /** The scalar fast-path method, such as {@code Scalar::exp}. */
    UnaryOperator<Scalar> scalarMethod();

    /** The function written independently, such as {@code Math::exp}. */
    DoubleUnaryOperator reference();

    /** Where the op is smooth. */
    Arbitrary<Double> domain();

    @Provide
    default Arbitrary<GradCheck.Input> unaryInputs() {
        return Domains.inputs(domain());
    }

    @Provide
    default Arbitrary<Double> unaryPoints() {
        return domain();
    }

    @GradProperty
    default void tensorMethodMatchesFiniteDifferences(@ForAll("unaryInputs") GradCheck.Input in) {
        Check.gradients(t -> tensorMethod().apply(t), in);
    }

    @GradProperty
    default void opObjectMatchesFiniteDifferences(@ForAll("unaryInputs") GradCheck.Input in) {
        Check.gradients(t -> op().apply(t).mul(t), in);
    }

    @GradProperty
    default void scalarFastPathMatchesFiniteDifferences(@ForAll("unaryPoints") double x) {
        // get() yields a Scalar; the method then runs on the tape's struct-of-arrays fast path.
        Check.gradients(t -> scalarMethod().apply(t.get()).mul(t.get()), GradCheck.Input.of(Shape.of(), x));
    }

    @GradProperty
    default void derivativeMatchesValue(@ForAll("unaryPoints") double x) {
        double h = 1e-6;
        double numeric = (op().value(x + h) - op().value(x - h)) / (2 * h);
        double analytic = op().derivative(x, op().value(x));
        assertEquals(numeric, analytic, 1e-5 + 1e-3 * Math.abs(numeric));
    }

    @GradProperty
    default void valuesMatchReference(@ForAll("unaryInputs") GradCheck.Input in) {
        double[] expected = in.values().clone();
        for (int i = 0; i < expected.length; i++) {
            expected[i] = reference().applyAsDouble(expected[i]);
        }
        Tape tape = new Tape();
        Check.values(expected, in.shape(), tensorMethod().apply(tape.tensor(in.shape(), in.values())), 1e-14);
        Check.values(expected, in.shape(), op().apply(tape.tensor(in.shape(), in.values())), 1e-14);
        double x = in.values()[0];
        assertEquals(reference().applyAsDouble(x), scalarMethod().apply(tape.scalar(x)).value(),
                1e-14 * Math.max(1, Math.abs(x)));
    }
}
