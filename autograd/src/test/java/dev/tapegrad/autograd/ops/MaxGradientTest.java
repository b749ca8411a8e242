package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;

/** {@code max(axis, keepDims)} and {@code min(axis, keepDims)} over random axes, away from ties. */
class MaxGradientTest {
    @Provide
    Arbitrary<GradCheck.Input> distinct() {
        return Domains.separated(Domains.shapes(1, 4), 1e-3);
    }

    @Provide
    Arbitrary<Integer> axisSeed() {
        return Arbitraries.integers().between(0, 1 << 20);
    }

    @GradProperty
    void maxAndMinOverAxisMatchFiniteDifferences(@ForAll("distinct") GradCheck.Input in, @ForAll("axisSeed") int seed,
                                                 @ForAll boolean keepDims) {
        int axis = SumGradientTest.axis(in.shape(), seed);
        Check.gradients(t -> t.max(axis, keepDims), in);
        Check.gradients(t -> t.min(axis, keepDims).mul(new Max(axis, keepDims).apply(t).asTensor()), in);
    }

    @GradProperty
    void valuesMatchPlainLoop(@ForAll("distinct") GradCheck.Input in, @ForAll("axisSeed") int seed,
                              @ForAll boolean keepDims) {
        int axis = SumGradientTest.axis(in.shape(), seed);
        int a = axis < 0 ? axis + in.shape().rank() : axis;
        int[] dims = in.shape().dims();
        Shape out = Shape.of(Reference.reducedShape(dims, a, keepDims));
        Tape tape = new Tape();
        Tensor t = tape.tensor(in.shape(), in.values());
        Check.values(Reference.reduce(in.values(), dims, a, Double.NEGATIVE_INFINITY, Math::max), out,
                t.max(axis, keepDims), 0.0);
        Check.values(Reference.reduce(in.values(), dims, a, Double.POSITIVE_INFINITY, Math::min), out,
                t.min(axis, keepDims), 0.0);
    }

    @Example
    void tiesRouteTheGradientToTheFirstMaximum() {
        Tape tape = new Tape();
        Tensor t = tape.tensor(Shape.of(2, 3), 5, 1, 5, 0, 2, 2);
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0}, t.max(1, false).sum().backward().of(t), 0.0);
    }
}
