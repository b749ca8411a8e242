package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The names composed from other ops on {@link Tensor}, and {@link Scalar#item()}: {@code item}, {@code unsqueeze},
 * {@code squeeze}, {@code flatten}, {@code t}, {@code square}, {@code clampMin}/{@code clampMax}, {@code var}
 * and {@code std}, against plain loops and values by hand, and differentiated twice by finite differences.
 */
class PyTorchNamesTest {
    private final Tape tape = new Tape();

    @Provide
    Arbitrary<GradCheck.Input> inputs() {
        return Domains.inputs(Domains.shapes(1, 3, 1, 4), Domains.between(-2, 2));
    }

    @Provide
    Arbitrary<Integer> axisSeed() {
        return Arbitraries.integers().between(0, 1 << 20);
    }

    /** The variance along {@code a} (or of all elements, {@code a = -1}), straight from the definition. */
    private static double[] variance(double[] x, int[] dims, int a, int correction) {
        int[] flat = {x.length};
        int[] d = a < 0 ? flat : dims;
        int axis = Math.max(a, 0);
        double[] mean = Reference.reduce(x, d, axis, 0, Double::sum);
        int n = d[axis];
        int[] out = Reference.reducedShape(d, axis, true);
        double[] ss = new double[mean.length];
        for (int i = 0; i < x.length; i++) {
            int[] at = Reference.unravel(i, d);
            at[axis] = 0;
            int o = Reference.ravel(at, out);
            double dev = x[i] - mean[o] / n;
            ss[o] += dev * dev;
        }
        for (int o = 0; o < ss.length; o++) {
            ss[o] /= Math.max(0, n - correction);
        }
        return ss;
    }

    @GradProperty
    void varAndStdMatchTheDefinition(@ForAll("inputs") GradCheck.Input in, @ForAll("axisSeed") int seed,
                                     @ForAll boolean unbiased, @ForAll boolean keepDims) {
        int axis = SumGradientTest.axis(in.shape(), seed);
        int a = axis < 0 ? axis + in.shape().rank() : axis;
        int[] dims = in.shape().dims();
        int c = unbiased ? 1 : 0;
        Tensor t = tape.tensor(in.shape(), in.values());
        Shape out = Shape.of(Reference.reducedShape(dims, a, keepDims));
        double[] v = variance(in.values(), dims, a, c);
        close(v, out, t.var(axis, unbiased, keepDims));
        double[] s = v.clone();
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.sqrt(s[i]);
        }
        close(s, out, t.std(axis, unbiased, keepDims));
        double all = variance(in.values(), dims, -1, c)[0];
        close(new double[] {all}, Shape.of(), t.var(unbiased));
        close(new double[] {Math.sqrt(all)}, Shape.of(), t.std(unbiased));
    }

    /** Values equal to 1e-12 relative, NaN where NaN is expected (one element with the correction). */
    private static void close(double[] expected, Shape shape, dev.tapegrad.autograd.Node actual) {
        assertEquals(shape, actual.shape());
        double[] v = actual.values();
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertEquals(Double.NaN, v[i], "element " + i);
            } else {
                assertEquals(expected[i], v[i], 1e-12 * Math.max(1, Math.abs(expected[i])), "element " + i);
            }
        }
    }

    @Provide
    Arbitrary<GradCheck.Input> spread() {
        // At least two elements along every axis, distinct: the deviation is never 0, so std is smooth.
        return Domains.separated(Domains.shapes(1, 3, 2, 3), 1e-2);
    }

    @GradProperty
    void varAndStdMatchFiniteDifferences(@ForAll("spread") GradCheck.Input in, @ForAll("axisSeed") int seed,
                                         @ForAll boolean unbiased, @ForAll boolean keepDims) {
        int axis = SumGradientTest.axis(in.shape(), seed);
        Agree.gradients(t -> t.var(unbiased), in);
        Agree.gradients(t -> t.std(unbiased), in);
        Agree.gradients(t -> t.var(axis, unbiased, keepDims), in);
        Agree.gradients(t -> t.std(axis, unbiased, keepDims), in);
    }

    @GradProperty
    void layoutNamesAreReshapesAndDifferentiate(@ForAll("inputs") GradCheck.Input in, @ForAll("axisSeed") int seed) {
        int r = in.shape().rank();
        int[] dims = in.shape().dims();
        int at = seed % (r + 1);
        Tensor t = tape.tensor(in.shape(), in.values());
        int[] unsq = new int[r + 1];
        for (int i = 0, j = 0; i <= r; i++) {
            unsq[i] = i == at ? 1 : dims[j++];
        }
        assertEquals(Shape.of(unsq), t.unsqueeze(at).shape());
        assertEquals(Shape.of(unsq), t.unsqueeze(at - r - 1).shape(), "negative counts from the end of the result");
        assertEquals(in.shape(), t.unsqueeze(at).squeeze(at).shape());
        assertEquals(Shape.of(java.util.Arrays.stream(dims).filter(d -> d != 1).toArray()), t.squeeze().shape());
        assertEquals(Shape.of(in.shape().size()), t.flatten().shape());
        assertArrayEquals(in.values(), t.flatten().values(), 0.0);
        assertArrayEquals(in.values(), t.unsqueeze(at).values(), 0.0);
        Agree.gradients(x -> x.unsqueeze(at).square().flatten().squeeze().sin().sum(), in);
        Agree.gradients(x -> x.square().mul(x), in);
    }

    @Test
    void varAndStdByHand() {
        Tensor x = tape.tensor(Shape.of(2, 2), 1, 2, 3, 4);
        assertEquals(5.0 / 3, x.var().value(), 1e-15);
        assertEquals(1.25, x.var(false).value(), 1e-15);
        assertEquals(Math.sqrt(5.0 / 3), x.std().value(), 1e-15);
        assertArrayEquals(new double[] {2, 2}, x.var(0).values(), 1e-15);
        assertArrayEquals(new double[] {0.5, 0.5}, x.var(1).values(), 1e-15);
        assertArrayEquals(new double[] {0.25, 0.25}, x.var(-1, false, true).values(), 1e-15);
        assertEquals(Shape.of(2, 1), x.std(1, true, true).shape());
        // d var / dx = 2 (x - mean) / (n - 1) = (x - 2.5) * 2 / 3.
        assertArrayEquals(new double[] {-1, -1.0 / 3, 1.0 / 3, 1}, x.var().backward().of(x), 1e-15);
    }

    @Test
    void stdAtZeroDeviationAndOneElementAsTorch() {
        Tensor flat = tape.tensor(Shape.of(3), 2, 2, 2);
        assertEquals(0, flat.std().value(), 0.0);
        // PyTorch's std backward is 0 where the result is 0 (sqrt(var) would give 0 * inf = NaN).
        assertArrayEquals(new double[] {0, 0, 0}, flat.std().backward().of(flat), 0.0);
        assertArrayEquals(new double[] {0, 0, 0}, flat.std().grad(flat).values(), 0.0);
        Tensor one = tape.tensor(Shape.of(1), 3);
        assertEquals(Double.NaN, one.var().value());
        assertEquals(Double.NaN, one.std().value());
        assertEquals(Double.NaN, one.std().backward().of(one)[0], "no degrees of freedom: NaN, as PyTorch");
        assertEquals(0, one.var(false).value(), 0.0);
        assertEquals("var: no elements to reduce in shape [0]",
                assertThrows(IllegalArgumentException.class, () -> tape.zeros(0).var()).getMessage());
    }

    @Test
    void layoutNamesByHandAndTheirErrors() {
        Tensor m = tape.tensor(Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        assertEquals(Shape.of(1, 2, 3), m.unsqueeze(0).shape());
        assertEquals(Shape.of(2, 3, 1), m.unsqueeze(-1).shape());
        assertEquals(Shape.of(2, 3), m.unsqueeze(1).squeeze().shape());
        assertSame(m, m.squeeze(0), "an axis whose size is not 1 is left alone, as torch.squeeze(dim)");
        assertEquals(Shape.of(), tape.tensor(Shape.of(1, 1), 7).squeeze().shape());
        assertEquals(Shape.of(1), tape.tensor(Shape.of(1, 1), 7).squeeze(-1).shape());
        Tensor zeroD = tape.tensor(Shape.of(), 7);
        assertSame(zeroD, zeroD.squeeze(-1));
        assertEquals(Shape.of(1), zeroD.unsqueeze(-1).shape());
        assertEquals(Shape.of(6), m.flatten().shape());
        assertEquals(Shape.of(1), tape.tensor(Shape.of(), 7).flatten().shape());
        Tensor cube = tape.zeros(2, 3, 4, 5);
        assertEquals(Shape.of(2, 12, 5), cube.flatten(1, 2).shape());
        assertEquals(Shape.of(2, 60), cube.flatten(1, -1).shape());
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, m.t().values(), 0.0);
        assertEquals(Shape.of(3, 2), m.t().shape());
        Tensor v = tape.zeros(3);
        assertSame(v, v.t());
        assertEquals("unsqueeze: axis 3 is out of range for shape [2, 3] (valid: -3 to 2)",
                assertThrows(IllegalArgumentException.class, () -> m.unsqueeze(3)).getMessage());
        assertEquals("squeeze: axis 2 is out of range for shape [2, 3] (valid: -2 to 1)",
                assertThrows(IllegalArgumentException.class, () -> m.squeeze(2)).getMessage());
        assertEquals("flatten: start axis 2 comes after end axis 1 for shape [2, 3, 4, 5]",
                assertThrows(IllegalArgumentException.class, () -> cube.flatten(2, 1)).getMessage());
        assertEquals("t: expects at most 2 dimensions, got shape [2, 3, 4, 5]; use transpose(a, b) or permute(...) "
                + "for more", assertThrows(IllegalArgumentException.class, cube::t).getMessage());
    }

    @Test
    void itemSquareAndOneSidedClamps() {
        Scalar s = tape.scalar(-3);
        assertEquals(-3, s.item(), 0.0);
        Tensor x = tape.tensor(Shape.of(4), -2, 0.5, 3, Double.NaN);
        assertArrayEquals(new double[] {4, 0.25, 9, Double.NaN}, x.square().values(), 0.0);
        assertArrayEquals(new double[] {0, 0.5, 3, Double.NaN}, x.clampMin(0).values(), 0.0);
        assertArrayEquals(new double[] {-2, 0.5, 1, Double.NaN}, x.clampMax(1).values(), 0.0);
        assertArrayEquals(new double[] {0, 1, 1, 0}, x.clampMin(0).sum().backward().of(x), 0.0);
    }
}
