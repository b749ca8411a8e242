package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@code expand} and {@code sumTo} over random broadcast pairs: each is the other's adjoint. */
class ExpandGradientTest {
    /** A small operand shape and the larger shape it broadcasts to. */
    @Provide
    Arbitrary<Shape[]> pairs() {
        return Domains.broadcastPairs(3).map(p -> new Shape[] {p[0], Shape.broadcast(p[0], p[1], "test")});
    }

    @GradProperty
    void expandMatchesFiniteDifferences(@ForAll("pairs") Shape[] p) {
        double[] x = ramp(p[0].size());
        Check.gradients(t -> t.expand(p[1]).sin().sum(), GradCheck.Input.of(p[0], x));
        Check.gradients(t -> new Expand(p[1]).apply(t.mul(t)), GradCheck.Input.of(p[0], x));
    }

    @GradProperty
    void sumToMatchesFiniteDifferences(@ForAll("pairs") Shape[] p) {
        double[] x = ramp(p[1].size());
        Check.gradients(t -> t.sumTo(p[0]).sin().sum(), GradCheck.Input.of(p[1], x));
        Check.gradients(t -> new SumTo(p[0]).apply(t.mul(t)), GradCheck.Input.of(p[1], x));
    }

    @Test
    void expandRepeatsAndSumToAdds() {
        Tape tape = new Tape();
        var col = tape.tensor(Shape.of(2, 1), 1, 2);
        assertArrayEquals(new double[] {1, 1, 1, 2, 2, 2}, col.expand(Shape.of(2, 3)).values());
        var m = tape.tensor(Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
        assertArrayEquals(new double[] {6, 15}, m.sumTo(Shape.of(2, 1)).values());
        assertArrayEquals(new double[] {5, 7, 9}, m.sumTo(Shape.of(3)).values());
        assertArrayEquals(new double[] {21}, m.sumTo(Shape.of()).values());
    }

    /** {@code n} distinct values of either sign, in [-2, 2]. */
    static double[] ramp(int n) {
        return ramp(n, 0);
    }

    /** {@code n} distinct values of either sign, in [-2, 2], a different sequence for each {@code shift}. */
    static double[] ramp(int n, int shift) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(0.3 + 1.7 * (i + 3 * shift)) * 1.5 + 0.1 * shift;
        }
        return x;
    }
}
