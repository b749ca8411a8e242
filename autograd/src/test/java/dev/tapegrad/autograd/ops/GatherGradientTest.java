package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/** {@code gather(axis, index)} and {@code indexSelect(axis, indices)}: plain loops, finite differences, bad indices. */
class GatherGradientTest {
    /** An input, an axis, an index shape fitting it and raw draws for the index values. */
    @Provide
    Arbitrary<Tuple.Tuple4<GradCheck.Input, Integer, Shape, int[]>> cases() {
        return Domains.inputs(Domains.shapes(1, 3, 1, 3), Domains.between(-2, 2)).flatMap(in ->
                Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofSize(4).flatMap(s -> {
                    int r = in.shape().rank();
                    int axis = s[0] % r;
                    int[] d = in.shape().dims();
                    for (int i = 0; i < r; i++) {
                        d[i] = i == axis ? 1 + (s[1] >> i) % 4 : 1 + (s[2] >> (2 * i)) % d[i];
                    }
                    Shape idx = Shape.of(d);
                    return Arbitraries.integers().between(0, in.shape().dim(axis) - 1).array(int[].class)
                            .ofSize(idx.size())
                            .map(v -> Tuple.of(in, s[3] % 2 == 0 ? axis : axis - r, idx, v));
                }));
    }

    private static double[] asDoubles(int[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    @GradProperty
    void gatherMatchesPlainLoopAndFiniteDifferences(@ForAll("cases") Tuple.Tuple4<GradCheck.Input, Integer, Shape, int[]> c) {
        GradCheck.Input in = c.get1();
        int axis = c.get2();
        int a = axis < 0 ? axis + in.shape().rank() : axis;
        Shape idx = c.get3();
        int[] iv = c.get4();
        double[] expected = new double[idx.size()];
        for (int p = 0; p < expected.length; p++) {
            int[] at = Reference.unravel(p, idx.dims());
            at[a] = iv[p];
            expected[p] = in.values()[Reference.ravel(at, in.shape().dims())];
        }
        Tape tape = new Tape();
        Check.values(expected, idx, tape.tensor(in.shape(), in.values()).gather(axis, tape.constant(idx, asDoubles(iv))), 0.0);
        Agree.gradients(t -> t.gather(axis, t.tape().constant(idx, asDoubles(iv))).sin().sum(), in);
        Agree.gradients(t -> Gather.of(axis, t.tape().constant(idx, asDoubles(iv))).apply(t.square()).asTensor(), in);
    }

    @GradProperty
    void indexSelectMatchesPlainLoopAndFiniteDifferences(@ForAll("cases") Tuple.Tuple4<GradCheck.Input, Integer, Shape, int[]> c) {
        GradCheck.Input in = c.get1();
        int axis = c.get2();
        int a = axis < 0 ? axis + in.shape().rank() : axis;
        int[] rows = java.util.Arrays.copyOf(c.get4(), c.get3().dim(a));
        int[] outDims = in.shape().dims();
        outDims[a] = rows.length;
        double[] expected = new double[Reference.size(outDims)];
        for (int p = 0; p < expected.length; p++) {
            int[] at = Reference.unravel(p, outDims);
            at[a] = rows[at[a]];
            expected[p] = in.values()[Reference.ravel(at, in.shape().dims())];
        }
        Check.values(expected, Shape.of(outDims), new Tape().tensor(in.shape(), in.values()).indexSelect(axis, rows), 0.0);
        Agree.gradients(t -> t.indexSelect(axis, rows).exp().sum(), in);
    }

    @Test
    void aBatchOfRowsSumsTheGradientOfRepeatedRows() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(5, 2), 0, 1, 10, 11, 20, 21, 30, 31, 40, 41);
        Tensor batch = x.indexSelect(0, 3, 1, 3);
        assertArrayEquals(new double[] {30, 31, 10, 11, 30, 31}, batch.values());
        assertArrayEquals(new double[] {0, 0, 1, 1, 0, 0, 2, 2, 0, 0}, batch.sum().backward().of(x));
        // The negative log-likelihood picks: logp.gather(1, targets.unsqueeze(1)).
        Tensor picked = x.gather(1, tape.constant(Shape.of(5), 1, 0, 0, 1, 1).unsqueeze(1));
        assertEquals(Shape.of(5, 1), picked.shape());
        assertArrayEquals(new double[] {1, 10, 20, 31, 41}, picked.values());
        assertArrayEquals(new double[] {0, 1, 1, 0, 1, 0, 0, 1, 0, 1}, picked.sum().backward().of(x));
        assertArrayEquals(new double[10], picked.sum().grad(x).sum().grad(x).values(), "linear: no second derivative");
    }

    @Test
    void badIndicesAreNamed() {
        Tape tape = new Tape();
        Tensor x = tape.zeros(3, 2);
        assertEquals("indexSelect: index 3 (position 1) is out of range for axis 0 of shape [3, 2] (valid: 0 to 2)",
                assertThrows(IllegalArgumentException.class, () -> x.indexSelect(0, 0, 3)).getMessage());
        assertEquals("indexSelect: index -1 (position 0) is out of range for axis -1 of shape [3, 2] (valid: 0 to 1)",
                assertThrows(IllegalArgumentException.class, () -> x.indexSelect(-1, -1)).getMessage());
        assertEquals("indexSelect: axis 2 is out of range for shape [3, 2] (valid: -2 to 1)",
                assertThrows(IllegalArgumentException.class, () -> x.indexSelect(2, 0)).getMessage());
        assertEquals("gather: index 2 at position [1, 0] of the index is out of range for axis 1 of shape [3, 2] "
                + "(valid: 0 to 1)", assertThrows(IllegalArgumentException.class,
                        () -> x.gather(1, tape.constant(Shape.of(2, 1), 0, 2))).getMessage());
        assertEquals("gather: index of shape [2] has 1 axes but the input of shape [3, 2] has 2",
                assertThrows(IllegalArgumentException.class, () -> x.gather(1, tape.constant(Shape.of(2), 0, 1)))
                        .getMessage());
        assertEquals("gather: index of shape [4, 1] is larger than the input of shape [3, 2] on axis 0 (only axis 1 "
                + "may differ)", assertThrows(IllegalArgumentException.class,
                        () -> x.gather(1, tape.zeros(4, 1))).getMessage());
        assertEquals("gather: index element 1 is 0.5; an index holds whole numbers",
                assertThrows(IllegalArgumentException.class, () -> x.gather(0, tape.constant(Shape.of(2, 1), 0, 0.5)))
                        .getMessage());
        assertThrows(NullPointerException.class, () -> x.gather(0, null));
        assertThrows(NullPointerException.class, () -> x.indexSelect(0, (int[]) null));
    }
}
