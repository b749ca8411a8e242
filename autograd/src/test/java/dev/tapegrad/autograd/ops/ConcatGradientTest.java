package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;

/** {@code Tensor.concat(axis, ...)} of one to three tensors that differ along the axis. */
class ConcatGradientTest {
    /** Inputs; the axis is stored as the last input's only value (a constant, not checked). */
    @Provide
    Arbitrary<List<GradCheck.Input>> joined() {
        return Domains.shapes(1, 3).flatMap(base -> Arbitraries.integers().between(0, 1 << 20).flatMap(seed -> {
            int r = base.rank();
            int axis = seed % r;
            int signedAxis = (seed / r) % 2 == 0 ? axis : axis - r;
            Arbitrary<GradCheck.Input> one = Arbitraries.integers().between(1, 3).flatMap(len -> {
                int[] d = base.dims();
                d[axis] = len;
                Shape s = Shape.of(d);
                return Domains.values(Domains.between(-3, 3), s.size()).map(v -> GradCheck.Input.of(s, v));
            });
            return one.list().ofMinSize(1).ofMaxSize(3).map(list -> {
                List<GradCheck.Input> all = new java.util.ArrayList<>(list);
                all.add(GradCheck.Input.of(Shape.of(), signedAxis));
                return all;
            });
        }));
    }

    @GradProperty
    void matchesFiniteDifferences(@ForAll("joined") List<GradCheck.Input> in) {
        int axis = (int) in.get(in.size() - 1).values()[0];
        GradCheck.Input[] tensors = in.subList(0, in.size() - 1).toArray(new GradCheck.Input[0]);
        Check.gradientsAll(ts -> Tensor.concat(axis, ts.toArray(new Tensor[0])).sin(), tensors);
        Check.gradientsAll(ts -> new Concat(axis).apply(ts.toArray(new Tensor[0])), tensors);
    }

    @GradProperty
    void valuesMatchPlainLoop(@ForAll("joined") List<GradCheck.Input> in) {
        int n = in.size() - 1;
        int r = in.get(0).shape().rank();
        int axis = (int) in.get(n).values()[0];
        axis = axis < 0 ? axis + r : axis;
        int[] out = in.get(0).shape().dims();
        out[axis] = 0;
        for (int t = 0; t < n; t++) {
            out[axis] += in.get(t).shape().dim(axis);
        }
        double[] expected = new double[Reference.size(out)];
        int at = 0;
        for (int t = 0; t < n; t++) {
            int[] dims = in.get(t).shape().dims();
            for (int i = 0; i < in.get(t).values().length; i++) {
                int[] idx = Reference.unravel(i, dims);
                idx[axis] += at;
                expected[Reference.ravel(idx, out)] = in.get(t).values()[i];
            }
            at += dims[axis];
        }
        Tape tape = new Tape();
        Tensor[] ts = new Tensor[n];
        for (int t = 0; t < n; t++) {
            ts[t] = tape.tensor(in.get(t).shape(), in.get(t).values());
        }
        Check.values(expected, Shape.of(out), Tensor.concat((int) in.get(n).values()[0], ts), 0.0);
    }
}
