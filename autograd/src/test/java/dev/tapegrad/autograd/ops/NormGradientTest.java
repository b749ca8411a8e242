package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@code norm()} and {@code norm(axis, keepDims)}: away from 0 by finite differences; at 0 as PyTorch. */
class NormGradientTest {
    @Provide
    Arbitrary<GradCheck.Input> inputs() {
        return Domains.inputs(Domains.shapes(1, 3), Domains.awayFromZero(0.2, 2));
    }

    @Provide
    Arbitrary<Integer> axisSeed() {
        return Arbitraries.integers().between(0, 1 << 20);
    }

    @GradProperty
    void matchesFiniteDifferences(@ForAll("inputs") GradCheck.Input in, @ForAll("axisSeed") int seed,
                                  @ForAll boolean keepDims) {
        int axis = SumGradientTest.axis(in.shape(), seed);
        Agree.gradients(Tensor::norm, in);
        Agree.gradients(t -> t.norm(axis, keepDims), in);
        Agree.gradients(t -> Norm.over(axis, keepDims).apply(t.sin()).asTensor().mul(t.sum()), in);
    }

    @GradProperty
    void valuesMatchPlainLoop(@ForAll("inputs") GradCheck.Input in, @ForAll("axisSeed") int seed,
                              @ForAll boolean keepDims) {
        int axis = SumGradientTest.axis(in.shape(), seed);
        int a = axis < 0 ? axis + in.shape().rank() : axis;
        int[] dims = in.shape().dims();
        double[] sq = Reference.reduce(in.values(), dims, a, 0, (s, v) -> s + v * v);
        double all = 0;
        for (int i = 0; i < sq.length; i++) {
            all += sq[i];
            sq[i] = Math.sqrt(sq[i]);
        }
        Tensor t = new Tape().tensor(in.shape(), in.values());
        Check.values(sq, Shape.of(Reference.reducedShape(dims, a, keepDims)), t.norm(axis, keepDims), 1e-14);
        assertEquals(Math.sqrt(all), t.norm().value(), 1e-14 * Math.sqrt(all));
    }

    @Test
    void byHandZeroGradientAtZeroAndInfinityAndNaN() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(2, 2), 3, 4, 0, 0);
        assertEquals(5, x.norm().value(), 0.0);
        assertArrayEquals(new double[] {0.6, 0.8, 0, 0}, x.norm().backward().of(x), 1e-15);
        Tensor rows = x.norm(1);
        assertArrayEquals(new double[] {5, 0}, rows.values(), 0.0);
        // PyTorch's norm backward is x * g / y with 0 where y = 0: the zero row gets 0, not NaN.
        assertArrayEquals(new double[] {0.6, 0.8, 0, 0}, rows.sum().backward().of(x), 1e-15);
        assertArrayEquals(new double[] {0.6, 0.8, 0, 0}, rows.sum().grad(x).values(), 1e-15);
        // d2|x|/dx2 = (I - u u^T) / |x| with u = x / |x|: row sums for x = (3, 4).
        double[] h = x.norm().grad(x).sum().grad(x).values();
        assertEquals((1 - 0.36 - 0.48) / 5, h[0], 1e-15);
        assertEquals((1 - 0.64 - 0.48) / 5, h[1], 1e-15);
        Tensor odd = tape.tensor(Shape.of(3), 1, Double.POSITIVE_INFINITY, 2);
        assertEquals(Double.POSITIVE_INFINITY, odd.norm().value());
        assertEquals(Double.NaN, tape.tensor(Shape.of(2), 1, Double.NaN).norm().value());
    }
}
