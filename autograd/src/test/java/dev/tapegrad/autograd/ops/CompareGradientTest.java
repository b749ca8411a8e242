package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.function.DoubleBinaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@code gt, lt, ge, le, eq, ne}: masks against plain loops, broadcast; constant results with no gradient. */
class CompareGradientTest {
    private static final DoubleBinaryOperator[] TRUTH = {
        (a, b) -> a > b ? 1 : 0, (a, b) -> a < b ? 1 : 0, (a, b) -> a >= b ? 1 : 0,
        (a, b) -> a <= b ? 1 : 0, (a, b) -> a == b ? 1 : 0, (a, b) -> a != b ? 1 : 0,
    };

    @Provide
    Arbitrary<Shape[]> pairs() {
        return Domains.broadcastPairs(3);
    }

    @Provide
    Arbitrary<Integer> seeds() {
        return Arbitraries.integers().between(0, 1 << 20);
    }

    /** Whole numbers in [-2, 2], so that equal pairs are common. */
    private static double[] coarse(int n, int seed) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = ((seed + 7 * i * i + 3 * i) % 5) - 2;
        }
        return v;
    }

    private static Tensor[] all(Tensor a, Tensor b) {
        return new Tensor[] {a.gt(b), a.lt(b), a.ge(b), a.le(b), a.eq(b), a.ne(b)};
    }

    @GradProperty
    void masksMatchPlainLoopsAndAreConstants(@ForAll("pairs") Shape[] p, @ForAll("seeds") int seed) {
        Tape tape = new Tape();
        double[] av = coarse(p[0].size(), seed);
        double[] bv = coarse(p[1].size(), seed / 5 + 1);
        Tensor a = tape.tensor(p[0], av);
        Tensor b = tape.tensor(p[1], bv);
        Tensor[] got = all(a, b);
        Shape out = Shape.broadcast(p[0], p[1], "test");
        for (int k = 0; k < TRUTH.length; k++) {
            Check.values(Reference.broadcast(TRUTH[k], av, p[0].dims(), bv, p[1].dims()), out, got[k], 0.0);
            assertFalse(got[k].requiresGrad(), "a comparison is a constant");
        }
    }

    @GradProperty
    void noGradientFlowsThroughTheOpAtAnyOrder(@ForAll("pairs") Shape[] p) {
        // Away from the step (values never equal to 0.5) the mask is locally constant: its derivative is 0.
        GradCheck.Input a = GradCheck.Input.of(p[0], ExpandGradientTest.ramp(p[0].size()));
        GradCheck.Input b = GradCheck.Input.of(p[1], ExpandGradientTest.ramp(p[1].size(), 1));
        Agree.gradientsAll(l -> Compare.GT.apply(l.get(0), l.get(1)).asTensor().mul(l.get(0)).sum(), a, b);
        Agree.gradientsAll(l -> Compare.NE.apply(l.get(0), l.get(1)).asTensor().mul(l.get(1).square()).sum(), a, b);
    }

    @Test
    void againstANumberAndWithNaNAsIeee() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(4), -1, 0, 2, Double.NaN);
        assertArrayEquals(new double[] {0, 0, 1, 0}, x.gt(0).values());
        assertArrayEquals(new double[] {1, 0, 0, 0}, x.lt(0).values());
        assertArrayEquals(new double[] {0, 1, 1, 0}, x.ge(0).values());
        assertArrayEquals(new double[] {1, 1, 0, 0}, x.le(0).values());
        assertArrayEquals(new double[] {0, 1, 0, 0}, x.eq(0).values());
        assertArrayEquals(new double[] {1, 0, 1, 1}, x.ne(0).values());
        assertArrayEquals(new double[] {1, 1, 1, 0}, x.eq(x.detach()).values(), "NaN == NaN is false");
        assertEquals(Shape.of(4), x.gt(tape.constant(0.5).asTensor()).shape());
        assertArrayEquals(new double[] {0, 0, 0, 0}, x.gt(0).sum().backward().of(x), "no gradient through a mask");
    }

    @Test
    void shapesThatDoNotBroadcastNameTheOp() {
        Tape tape = new Tape();
        var e = assertThrows(IllegalArgumentException.class,
                () -> tape.zeros(2, 3).lt(tape.zeros(4)));
        assertTrue(e.getMessage().startsWith("lt: shapes [2, 3] and [4] do not broadcast"), e.getMessage());
        assertThrows(NullPointerException.class, () -> tape.zeros(2).gt(null));
    }
}
