package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** {@code slice(axis, from, to)} over random axes and bounds, some counted from the end. */
class SliceGradientTest {
    /** The input and {axis, from, to} as passed to slice. */
    @Provide
    Arbitrary<Tuple.Tuple2<GradCheck.Input, int[]>> sliced() {
        return Domains.inputs(Domains.shapes(1, 3, 1, 4), Domains.between(-3, 3)).flatMap(in ->
                Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofSize(5).map(s -> {
                    int r = in.shape().rank();
                    int axis = s[0] % r;
                    int n = in.shape().dim(axis);
                    int from = s[1] % (n + 1);
                    int to = from + s[2] % (n - from + 1);
                    return Tuple.of(in, new int[] {
                        s[3] % 2 == 0 ? axis : axis - r,
                        s[4] % 2 == 0 || from == n ? from : from - n,
                        s[4] % 3 == 0 && to < n ? to - n : to});
                }));
    }

    @GradProperty
    void matchesFiniteDifferences(@ForAll("sliced") Tuple.Tuple2<GradCheck.Input, int[]> c) {
        int[] a = c.get2();
        Check.gradients(t -> t.slice(a[0], a[1], a[2]).exp().sum(), c.get1());
        Check.gradients(t -> new Slice(a[0], a[1], a[2]).apply(t.mul(t)), c.get1());
    }

    @GradProperty
    void valuesMatchPlainLoop(@ForAll("sliced") Tuple.Tuple2<GradCheck.Input, int[]> c) {
        GradCheck.Input in = c.get1();
        int[] dims = in.shape().dims();
        int r = dims.length;
        int[] a = c.get2();
        int axis = a[0] < 0 ? a[0] + r : a[0];
        int from = a[1] < 0 ? a[1] + dims[axis] : a[1];
        int to = a[2] < 0 ? a[2] + dims[axis] : a[2];
        int[] out = dims.clone();
        out[axis] = to - from;
        double[] expected = new double[Reference.size(out)];
        for (int i = 0; i < expected.length; i++) {
            int[] idx = Reference.unravel(i, out);
            idx[axis] += from;
            expected[i] = in.values()[Reference.ravel(idx, dims)];
        }
        Check.values(expected, Shape.of(out), new Tape().tensor(in.shape(), in.values()).slice(a[0], a[1], a[2]), 0.0);
    }
}
