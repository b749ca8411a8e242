package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@code where(cond, a, b)} over random broadcast triples: values by plain loops, gradients by finite differences. */
class WhereGradientTest {
    /** {a, b, cond} shapes: a and b broadcast together, cond their broadcast with some dimensions set to 1. */
    @Provide
    Arbitrary<Shape[]> triples() {
        return Domains.broadcastPairs(3).flatMap(p -> {
            int[] out = Shape.broadcast(p[0], p[1], "test").dims();
            return Arbitraries.integers().between(0, 1).array(int[].class).ofSize(out.length + 1).map(ones -> {
                int[] c = out.clone();
                for (int i = 0; i < c.length; i++) {
                    if (ones[i] == 1) {
                        c[i] = 1;
                    }
                }
                int drop = ones[out.length] == 1 && c.length > 0 ? 1 : 0;
                return new Shape[] {p[0], p[1], Shape.of(java.util.Arrays.copyOfRange(c, drop, c.length))};
            });
        });
    }

    private static double[] mask(int n) {
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            m[i] = (i * 7 + 3) % 3 == 0 ? 0 : 1;
        }
        return m;
    }

    @GradProperty
    void matchesFiniteDifferences(@ForAll("triples") Shape[] s) {
        GradCheck.Input a = GradCheck.Input.of(s[0], ExpandGradientTest.ramp(s[0].size()));
        GradCheck.Input b = GradCheck.Input.of(s[1], ExpandGradientTest.ramp(s[1].size(), 1));
        double[] m = mask(s[2].size());
        Agree.gradientsAll(l -> {
            Tensor cond = l.get(0).tape().constant(s[2], m);
            return Tensor.where(cond, l.get(0).square(), l.get(1).sin()).mul(l.get(0)).sum();
        }, a, b);
        Agree.gradientsAll(l -> Where.INSTANCE.apply(l.get(0).tape().constant(s[2], m), l.get(0).exp(), l.get(1))
                .asTensor(), a, b);
    }

    @GradProperty
    void valuesMatchPlainLoop(@ForAll("triples") Shape[] s) {
        Tape tape = new Tape();
        double[] av = ExpandGradientTest.ramp(s[0].size());
        double[] bv = ExpandGradientTest.ramp(s[1].size(), 1);
        double[] m = mask(s[2].size());
        Shape out = Shape.broadcast(Shape.broadcast(s[0], s[1], "t"), s[2], "t");
        double[] expected = new double[out.size()];
        for (int i = 0; i < expected.length; i++) {
            int[] idx = Reference.unravel(i, out.dims());
            expected[i] = m[Reference.source(idx, s[2].dims())] == 1
                    ? av[Reference.source(idx, s[0].dims())] : bv[Reference.source(idx, s[1].dims())];
        }
        Check.values(expected, out, Tensor.where(tape.constant(s[2], m), tape.tensor(s[0], av), tape.tensor(s[1], bv)), 0.0);
    }

    @Test
    void gradientsByHandAndNoneIntoTheMask() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(2, 2), -1, 2, 3, Double.POSITIVE_INFINITY);
        Tensor row = tape.tensor(Shape.of(2), 10, 20);
        Tensor cond = tape.tensor(Shape.of(2, 2), 0, 1, 1, 0); // a variable mask: it still gets no gradient
        Tensor y = Tensor.where(cond, x, row);
        assertArrayEquals(new double[] {10, 2, 3, 20}, y.values());
        Gradients g = y.mul(tape.constant(Shape.of(2, 2), 1, 2, 3, 4)).sum().backward();
        assertArrayEquals(new double[] {0, 2, 3, 0}, g.of(x), "the infinite unselected element gets an exact 0");
        assertArrayEquals(new double[] {1, 4}, g.of(row), "summed back over the broadcast axis");
        assertArrayEquals(new double[] {0, 0, 0, 0}, g.of(cond));
        Tensor relu = Tensor.where(x.gt(0), x, 0.0);
        assertArrayEquals(new double[] {0, 2, 3, Double.POSITIVE_INFINITY}, relu.values());
        assertArrayEquals(new double[] {-1, 0, 0, 0}, Tensor.where(x.gt(0), 0.0, x).values());
        assertFalse(Tensor.where(cond.detach(), row.detach(), 1.0).requiresGrad());
    }

    @Test
    void badMasksAndShapesAreNamed() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(3), -1, 2, 3);
        var e = assertThrows(IllegalArgumentException.class, () -> Tensor.where(x, x, x));
        assertEquals("where: the condition must be a 0/1 mask (e.g. x.gt(0)), but element 0 of its shape [3] is -1.0",
                e.getMessage());
        var s = assertThrows(IllegalArgumentException.class, () -> Tensor.where(x.gt(0), x, tape.zeros(2)));
        assertTrue(s.getMessage().startsWith("where: shapes [3] and [2] do not broadcast"), s.getMessage());
        assertThrows(NullPointerException.class, () -> Tensor.where(null, x, x));
    }
}
