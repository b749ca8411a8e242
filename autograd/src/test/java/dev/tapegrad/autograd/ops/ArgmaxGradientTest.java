package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@code argmax}/{@code argmin}: first extremum by plain loops, constant results, ties and NaN as PyTorch. */
class ArgmaxGradientTest {
    @Provide
    Arbitrary<GradCheck.Input> inputs() {
        // Coarse values: ties are common, and the first index must win them.
        return Domains.inputs(Domains.shapes(1, 3, 1, 4), Arbitraries.integers().between(-2, 2).map(i -> (double) i));
    }

    @Provide
    Arbitrary<Integer> axisSeed() {
        return Arbitraries.integers().between(0, 1 << 20);
    }

    /** The first {@code k} along {@code a} where {@code x} is largest ({@code sign} 1) or smallest (-1). */
    private static double[] firstExtremum(double[] x, int[] dims, int a, int sign) {
        int[] out = Reference.reducedShape(dims, a, true);
        double[] best = new double[Reference.size(out)];
        double[] idx = new double[best.length];
        java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(idx, -1);
        for (int i = 0; i < x.length; i++) {
            int[] at = Reference.unravel(i, dims);
            int k = at[a];
            at[a] = 0;
            int o = Reference.ravel(at, out);
            if (idx[o] < 0 || sign * x[i] > best[o]) {
                best[o] = sign * x[i];
                idx[o] = k;
            }
        }
        return idx;
    }

    @GradProperty
    void matchesPlainLoopAndIsConstant(@ForAll("inputs") GradCheck.Input in, @ForAll("axisSeed") int seed,
                                       @ForAll boolean keepDims) {
        int axis = SumGradientTest.axis(in.shape(), seed);
        int a = axis < 0 ? axis + in.shape().rank() : axis;
        int[] dims = in.shape().dims();
        Shape out = Shape.of(Reference.reducedShape(dims, a, keepDims));
        Tensor t = new Tape().tensor(in.shape(), in.values());
        Tensor max = t.argmax(axis, keepDims);
        Check.values(firstExtremum(in.values(), dims, a, 1), out, max, 0.0);
        Check.values(firstExtremum(in.values(), dims, a, -1), out, t.argmin(axis, keepDims), 0.0);
        assertFalse(max.requiresGrad());
        int[] flat = {in.shape().size()};
        assertEquals(firstExtremum(in.values(), flat, 0, 1)[0], t.argmax());
        assertEquals(firstExtremum(in.values(), flat, 0, -1)[0], t.argmin());
    }

    @GradProperty
    void noGradientFlowsThroughAnIndex(@ForAll("inputs") GradCheck.Input in, @ForAll("axisSeed") int seed) {
        int axis = SumGradientTest.axis(in.shape(), seed);
        // Spread the coarse values apart so that a finite-difference step never changes an index.
        GradCheck.Input spread = GradCheck.Input.of(in.shape(), ExpandGradientTest.ramp(in.shape().size()));
        Agree.gradients(t -> t.mul(Argmax.over(axis, true).apply(t).asTensor()).sum(), spread);
    }

    @Test
    void tiesNaNAndEmptyAsTorch() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(2, 3), 5, 1, 5, Double.NaN, 2, Double.NaN);
        assertArrayEquals(new double[] {0, 0}, x.argmax(1).values(), "the first maximum, and NaN wins");
        assertArrayEquals(new double[] {1, 0}, x.argmin(1).values(), "NaN wins argmin too");
        assertEquals(3, x.argmax());
        assertEquals(Shape.of(2, 1), x.argmax(-1, true).shape());
        Tensor logits = tape.tensor(Shape.of(3, 2), 0.1, 0.9, 0.8, 0.2, 0.3, 0.4);
        assertEquals(2.0 / 3, logits.argmax(1).eq(tape.constant(Shape.of(3), 1, 0, 0)).mean().value(), 1e-15,
                "accuracy as PyTorch users write it");
        assertEquals("argmin: axis 1 of shape [2, 0] is empty; it needs at least one element",
                assertThrows(IllegalArgumentException.class, () -> tape.zeros(2, 0).argmin(1)).getMessage());
        assertEquals("argmax: tensor of shape [0] is empty; it needs at least one element",
                assertThrows(IllegalArgumentException.class, () -> tape.zeros(0).argmax()).getMessage());
    }
}
