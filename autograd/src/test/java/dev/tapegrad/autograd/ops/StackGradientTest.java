package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;

/** {@code Tensor.stack(axis, ...)} of tensors of one shape, and {@code Tensor.stack(Scalar...)}. */
class StackGradientTest {
    /** One to three inputs of one shape (rank 0 to 3). */
    @Provide
    Arbitrary<List<GradCheck.Input>> sameShape() {
        return Domains.shapes(0, 3).flatMap(s -> Domains.values(Domains.between(-3, 3), s.size())
                .map(v -> GradCheck.Input.of(s, v)).list().ofMinSize(1).ofMaxSize(3));
    }

    @Provide
    Arbitrary<Integer> axisSeed() {
        return Arbitraries.integers().between(0, 1 << 20);
    }

    @Provide
    Arbitrary<GradCheck.Input> vector() {
        return Domains.inputs(Domains.shapes(1, 1, 1, 5), Domains.between(-3, 3));
    }

    private static int axis(int rank, int seed) {
        int r = rank + 1;
        int a = seed % r;
        return (seed / r) % 2 == 0 ? a : a - r;
    }

    @GradProperty
    void tensorsMatchFiniteDifferences(@ForAll("sameShape") List<GradCheck.Input> in, @ForAll("axisSeed") int seed) {
        int axis = axis(in.get(0).shape().rank(), seed);
        Check.gradientsAll(ts -> Tensor.stack(axis, ts.toArray(new Tensor[0])).exp(), in.toArray(new GradCheck.Input[0]));
        Check.gradientsAll(ts -> new Stack(axis).apply(ts.toArray(new Tensor[0])), in.toArray(new GradCheck.Input[0]));
    }

    @GradProperty
    void scalarsMatchFiniteDifferences(@ForAll("vector") GradCheck.Input in) {
        // Scalars from three paths: a tensor element, fast-path ops on it, and a GENERIC reduction.
        Check.gradients(t -> {
            int n = t.shape().dim(0);
            Scalar[] s = new Scalar[n + 2];
            for (int i = 0; i < n; i++) {
                s[i] = t.get(i).mul(t.get(i)).sin();
            }
            s[n] = t.sum();
            s[n + 1] = t.get(0).exp().add(2.0);
            return Tensor.stack(s).mul(Tensor.stack(s));
        }, in);
    }

    @GradProperty
    void valuesMatchPlainLoop(@ForAll("sameShape") List<GradCheck.Input> in, @ForAll("axisSeed") int seed) {
        int[] dims = in.get(0).shape().dims();
        int axis = axis(dims.length, seed);
        int a = axis < 0 ? axis + dims.length + 1 : axis;
        int[] out = new int[dims.length + 1];
        for (int i = 0, j = 0; i < out.length; i++) {
            out[i] = i == a ? in.size() : dims[j++];
        }
        double[] expected = new double[Reference.size(out)];
        for (int i = 0; i < expected.length; i++) {
            int[] idx = Reference.unravel(i, out);
            int[] src = new int[dims.length];
            for (int d = 0, j = 0; d < out.length; d++) {
                if (d != a) {
                    src[j++] = idx[d];
                }
            }
            expected[i] = in.get(idx[a]).values()[Reference.ravel(src, dims)];
        }
        Tape tape = new Tape();
        Tensor[] ts = in.stream().map(x -> tape.tensor(x.shape(), x.values())).toArray(Tensor[]::new);
        Check.values(expected, Shape.of(out), Tensor.stack(axis, ts), 0.0);
        Scalar[] scalars = {tape.scalar(1.5), tape.constant(-2), tape.scalar(0.25).exp()};
        Check.values(new double[] {1.5, -2, Math.exp(0.25)}, Shape.of(3), Tensor.stack(scalars), 0.0);
    }
}
