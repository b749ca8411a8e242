package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
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

    /**
     * A shape of rank up to 4 with dimensions 0..3 (so empty axes and scalars are among them) and an
     * operand that broadcasts to it: leading axes dropped, some axes set to 1.
     */
    @Provide
    Arbitrary<Shape[]> widePairs() {
        return Domains.shapes(0, 4, 0, 3).flatMap(out -> Combinators.combine(
                        Arbitraries.integers().between(0, out.rank()),
                        Arbitraries.integers().between(0, 1).array(int[].class).ofSize(out.rank()))
                .as((drop, ones) -> {
                    int[] d = Arrays.copyOfRange(out.dims(), drop, out.rank());
                    for (int i = 0; i < d.length; i++) {
                        d[i] = ones[i + drop] == 1 ? 1 : d[i];
                    }
                    return new Shape[] {Shape.of(d), out};
                }));
    }

    @GradProperty
    void expandAndSumTosGradientCopyEachElementsSource(@ForAll("widePairs") Shape[] p) {
        double[] x = ramp(p[0].size());
        int[] out = p[1].dims();
        double[] expected = new double[Reference.size(out)];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = x[Reference.source(Reference.unravel(i, out), p[0].dims())];
        }
        Tape tape = new Tape();
        assertArrayEquals(expected, tape.tensor(p[0], x).expand(p[1]).values());
        Tensor big = tape.tensor(p[1], new double[p[1].size()]);
        assertArrayEquals(expected, big.sumTo(p[0]).backward(x).of(big));
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
