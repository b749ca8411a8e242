package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;

/** {@code logSoftmax(axis)}: the full Jacobian over random shapes and axes. */
class LogSoftmaxGradientTest {
    @Provide
    Arbitrary<GradCheck.Input> anyInput() {
        return Domains.inputs(Domains.shapes(1, 3), Domains.between(-4, 4));
    }

    @Provide
    Arbitrary<Integer> axisSeed() {
        return Arbitraries.integers().between(0, 1 << 20);
    }

    @GradProperty
    void jacobianMatchesFiniteDifferences(@ForAll("anyInput") GradCheck.Input in, @ForAll("axisSeed") int seed) {
        int axis = SumGradientTest.axis(in.shape(), seed);
        Check.gradients(t -> t.logSoftmax(axis), in);
        Check.gradients(t -> new LogSoftmax(axis).apply(t.sin()), in);
    }

    @GradProperty
    void valuesMatchTheDefinition(@ForAll("anyInput") GradCheck.Input in, @ForAll("axisSeed") int seed) {
        int axis = SumGradientTest.axis(in.shape(), seed);
        int a = axis < 0 ? axis + in.shape().rank() : axis;
        double[] expected = Reference.softmax(in.values(), in.shape().dims(), a);
        for (int i = 0; i < expected.length; i++) {
            expected[i] = Math.log(expected[i]);
        }
        Check.values(expected, in.shape(), new Tape().tensor(in.shape(), in.values()).logSoftmax(axis), 1e-12);
    }

    @Example
    void largeInputsStayFinite() {
        double[] y = new Tape().tensor(Shape.of(2), 1000, -1000).logSoftmax(0).values();
        assertArrayEquals(new double[] {0, -2000}, y, 1e-9);
    }
}
