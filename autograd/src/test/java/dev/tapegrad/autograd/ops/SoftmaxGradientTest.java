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

/** {@code softmax(axis)}: the full Jacobian over random shapes and axes. */
class SoftmaxGradientTest {
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
        Check.gradients(t -> t.softmax(axis), in);
        Check.gradients(t -> new Softmax(axis).apply(t.mul(t)), in);
    }

    @GradProperty
    void valuesMatchTheDefinition(@ForAll("anyInput") GradCheck.Input in, @ForAll("axisSeed") int seed) {
        int axis = SumGradientTest.axis(in.shape(), seed);
        int a = axis < 0 ? axis + in.shape().rank() : axis;
        double[] expected = Reference.softmax(in.values(), in.shape().dims(), a);
        Check.values(expected, in.shape(), new Tape().tensor(in.shape(), in.values()).softmax(axis), 1e-13);
    }

    @Example
    void largeInputsDoNotOverflow() {
        double[] y = new Tape().tensor(Shape.of(3), 1000, 1000, 1000 - Math.log(2)).softmax(0).values();
        assertArrayEquals(new double[] {0.4, 0.4, 0.2}, y, 1e-12);
    }
}
