package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/** {@code scatterAdd}, the gather's adjoint: plain loops, finite differences, and {@code <gather x, u> = <x, scatter u>}. */
class ScatterAddGradientTest {
    @Provide
    Arbitrary<Tuple.Tuple4<GradCheck.Input, Integer, Shape, int[]>> cases() {
        return new GatherGradientTest().cases();
    }

    private static Gather gather(Tape tape, int axis, Shape idx, int[] iv) {
        double[] d = new double[iv.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = iv[i];
        }
        return Gather.of(axis, tape.constant(idx, d));
    }

    @GradProperty
    void matchesPlainLoopFiniteDifferencesAndIsTheAdjoint(
            @ForAll("cases") Tuple.Tuple4<GradCheck.Input, Integer, Shape, int[]> c) {
        GradCheck.Input x = c.get1();
        int axis = c.get2();
        int a = axis < 0 ? axis + x.shape().rank() : axis;
        Shape idx = c.get3();
        int[] iv = c.get4();
        GradCheck.Input u = GradCheck.Input.of(idx, ExpandGradientTest.ramp(idx.size(), 2));
        double[] expected = new double[x.shape().size()];
        for (int p = 0; p < idx.size(); p++) {
            int[] at = Reference.unravel(p, idx.dims());
            at[a] = iv[p];
            expected[Reference.ravel(at, x.shape().dims())] += u.values()[p];
        }
        Tape tape = new Tape();
        Tensor scattered = new ScatterAdd(gather(tape, axis, idx, iv), x.shape()).apply(tape.tensor(idx, u.values())).asTensor();
        Check.values(expected, x.shape(), scattered, 1e-15);
        Tensor xt = tape.tensor(x.shape(), x.values());
        double left = gather(tape, axis, idx, iv).apply(xt).asTensor().mul(tape.constant(idx, u.values())).sum().value();
        double right = xt.mul(scattered).sum().value();
        assertEquals(left, right, 1e-12);
        Agree.gradients(t -> new ScatterAdd(gather(t.tape(), axis, idx, iv), x.shape()).apply(t.sin()).asTensor(), u);
        Agree.gradients(t -> new ScatterAdd(gather(t.tape(), axis, idx, iv), x.shape()).apply(t).asTensor().square().sum(), u);
    }

    @Test
    void positionsPickedTwiceGetTheSumAndShapesAreChecked() {
        Tape tape = new Tape();
        Gather g = Gather.of(0, tape.constant(Shape.of(3), 2, 0, 2));
        Tensor y = new ScatterAdd(g, Shape.of(4)).apply(tape.tensor(Shape.of(3), 1, 2, 3)).asTensor();
        assertArrayEquals(new double[] {2, 0, 4, 0}, y.values());
        assertEquals("scatterAdd: input of shape [2] for an index of shape [3]; they must match",
                assertThrows(IllegalArgumentException.class,
                        () -> new ScatterAdd(g, Shape.of(4)).apply(tape.zeros(2))).getMessage());
    }
}
