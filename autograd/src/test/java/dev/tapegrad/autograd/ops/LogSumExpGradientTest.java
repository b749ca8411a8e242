package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@code logsumexp(axis, keepDims)}: finite differences, the plain definition, and inputs that overflow it. */
class LogSumExpGradientTest {
    @Provide
    Arbitrary<GradCheck.Input> inputs() {
        return Domains.inputs(Domains.shapes(1, 3), Domains.between(-3, 3));
    }

    @Provide
    Arbitrary<Integer> axisSeed() {
        return Arbitraries.integers().between(0, 1 << 20);
    }

    @GradProperty
    void matchesFiniteDifferences(@ForAll("inputs") GradCheck.Input in, @ForAll("axisSeed") int seed,
                                  @ForAll boolean keepDims) {
        int axis = SumGradientTest.axis(in.shape(), seed);
        Agree.gradients(t -> t.logsumexp(axis, keepDims), in);
        Agree.gradients(t -> new LogSumExp(axis, keepDims).apply(t.mul(t)).asTensor().sin().sum(), in);
    }

    @GradProperty
    void valuesMatchTheDefinition(@ForAll("inputs") GradCheck.Input in, @ForAll("axisSeed") int seed,
                                  @ForAll boolean keepDims) {
        int axis = SumGradientTest.axis(in.shape(), seed);
        int a = axis < 0 ? axis + in.shape().rank() : axis;
        int[] dims = in.shape().dims();
        double[] s = Reference.reduce(in.values(), dims, a, 0, (acc, v) -> acc + Math.exp(v));
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.log(s[i]);
        }
        Tensor t = new Tape().tensor(in.shape(), in.values());
        Check.values(s, Shape.of(Reference.reducedShape(dims, a, keepDims)), t.logsumexp(axis, keepDims), 1e-14);
    }

    @Test
    void hessianIsDiagSoftmaxMinusItsOuterProduct() {
        Tape tape = new Tape();
        double[] v = {0.5, -1, 2};
        Tensor x = tape.tensor(Shape.of(3), v);
        Tensor g = x.logsumexp(0).sum().grad(x);
        double z = Math.exp(0.5) + Math.exp(-1) + Math.exp(2);
        for (int i = 0; i < 3; i++) {
            double[] row = g.get(i).grad(x).values();
            double si = Math.exp(v[i]) / z;
            for (int j = 0; j < 3; j++) {
                double sj = Math.exp(v[j]) / z;
                assertEquals((i == j ? si : 0) - si * sj, row[j], 1e-15, "H[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void stableForLargeAndInfiniteInputs() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(4, 2), 1000, 1000, -1000, -1001, Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1);
        Tensor y = x.logsumexp(1);
        assertArrayEquals(new double[] {1000 + Math.log(2), -1000 + Math.log1p(Math.exp(-1)), Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY}, y.values(), 1e-12);
        double[] g = x.slice(0, 0, 2).logsumexp(1).sum().backward().of(x);
        double p = 1 / (1 + Math.exp(-1));
        // e^(x - y) as PyTorch's backward: y = 1000 + ln 2 is rounded to the ulp of 1000, about 1e-13.
        assertArrayEquals(new double[] {0.5, 0.5, p, 1 - p, 0, 0, 0, 0}, g, 1e-12, "the gradient is the softmax");
        assertEquals(Double.NaN, tape.tensor(Shape.of(2), 1, Double.NaN).logsumexp(0).item());
        assertEquals(Shape.of(4, 1), x.logsumexp(-1, true).shape());
        var e = assertThrows(IllegalArgumentException.class, () -> x.logsumexp(2));
        assertTrue(e.getMessage().startsWith("logsumexp: axis 2 is out of range for shape [4, 2]"), e.getMessage());
    }
}
