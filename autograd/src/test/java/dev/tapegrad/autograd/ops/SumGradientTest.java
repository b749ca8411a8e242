package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;

/** {@code sum(axis, keepDims)} and {@code mean(axis, keepDims)} over random axes. */
class SumGradientTest {
    @Provide
    Arbitrary<GradCheck.Input> anyInput() {
        return Domains.inputs(Domains.shapes(1, 4), Domains.between(-3, 3));
    }

    @Provide
    Arbitrary<Integer> axisSeed() {
        return Arbitraries.integers().between(0, 1 << 20);
    }

    /** An axis of {@code s} picked by {@code seed}, negative half of the time. */
    static int axis(Shape s, int seed) {
        int a = seed % s.rank();
        return (seed / s.rank()) % 2 == 0 ? a : a - s.rank();
    }

    @GradProperty
    void sumOverAxisMatchesFiniteDifferences(@ForAll("anyInput") GradCheck.Input in, @ForAll("axisSeed") int seed,
                                             @ForAll boolean keepDims) {
        int axis = axis(in.shape(), seed);
        Check.gradients(t -> t.mul(t).sum(axis, keepDims), in);
        Check.gradients(t -> new Sum(axis, keepDims).apply(t).asTensor().sin(), in);
    }

    @GradProperty
    void meanOverAxisMatchesFiniteDifferences(@ForAll("anyInput") GradCheck.Input in, @ForAll("axisSeed") int seed,
                                              @ForAll boolean keepDims) {
        int axis = axis(in.shape(), seed);
        Check.gradients(t -> t.exp().mean(axis, keepDims), in);
    }

    @GradProperty
    void valuesMatchPlainLoop(@ForAll("anyInput") GradCheck.Input in, @ForAll("axisSeed") int seed,
                              @ForAll boolean keepDims) {
        int axis = axis(in.shape(), seed);
        int a = axis < 0 ? axis + in.shape().rank() : axis;
        int[] dims = in.shape().dims();
        double[] sum = Reference.reduce(in.values(), dims, a, 0, Double::sum);
        Shape out = Shape.of(Reference.reducedShape(dims, a, keepDims));
        Tape tape = new Tape();
        Check.values(sum, out, tape.tensor(in.shape(), in.values()).sum(axis, keepDims), 1e-12);
        double[] mean = sum.clone();
        for (int i = 0; i < mean.length; i++) {
            mean[i] /= dims[a];
        }
        Check.values(mean, out, tape.tensor(in.shape(), in.values()).mean(axis, keepDims), 1e-12);
    }
}
