package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random shapes and values for the gradient properties. Values keep to each op's smooth domain
 * (away from kinks, poles and the edges of log and sqrt), because a finite difference across a
 * kink is not a derivative and a failure there would not be a bug.
 */
public final class Domains {
    private Domains() {}

    /** Values drawn from [lo, hi] with six decimals, so ties (which matter for max) are rare. */
    public static Arbitrary<Double> between(double lo, double hi) {
        return Arbitraries.doubles().between(lo, hi).ofScale(6);
    }

    /** Values with lo <= |x| <= hi and either sign: away from 0, for kinks and poles at 0. */
    public static Arbitrary<Double> awayFromZero(double lo, double hi) {
        return Arbitraries.oneOf(between(lo, hi), between(-hi, -lo));
    }

    /** A shape of rank {@code minRank..maxRank}, each dimension 1..3. */
    public static Arbitrary<Shape> shapes(int minRank, int maxRank) {
        return shapes(minRank, maxRank, 1, 3);
    }

    /** A shape of rank {@code minRank..maxRank}, each dimension {@code minDim..maxDim}. */
    public static Arbitrary<Shape> shapes(int minRank, int maxRank, int minDim, int maxDim) {
        return Arbitraries.integers().between(minDim, maxDim).array(int[].class).ofMinSize(minRank).ofMaxSize(maxRank)
                .map(Shape::of);
    }

    /** {@code n} values from {@code element}. */
    public static Arbitrary<double[]> values(Arbitrary<Double> element, int n) {
        return element.array(double[].class).ofSize(n);
    }

    /** An input of a random shape (rank 0 to 3) with values from {@code element}. */
    public static Arbitrary<GradCheck.Input> inputs(Arbitrary<Double> element) {
        return inputs(shapes(0, 3), element);
    }

    /** An input of one of {@code shapes} with values from {@code element}. */
    public static Arbitrary<GradCheck.Input> inputs(Arbitrary<Shape> shapes, Arbitrary<Double> element) {
        return shapes.flatMap(s -> values(element, s.size()).map(v -> GradCheck.Input.of(s, v)));
    }

    /** Values whose distinct elements are at least {@code gap} apart: no near-ties for max. */
    public static Arbitrary<GradCheck.Input> separated(Arbitrary<Shape> shapes, double gap) {
        return inputs(shapes, between(-3, 3)).filter(in -> minGap(in.values()) >= gap);
    }

    static double minGap(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        double gap = Double.POSITIVE_INFINITY;
        for (int i = 1; i < s.length; i++) {
            gap = Math.min(gap, s[i] - s[i - 1]);
        }
        return gap;
    }

    /**
     * Two shapes that broadcast together: a random result shape, each operand taking a random
     * suffix of it with some dimensions set to 1.
     */
    public static Arbitrary<Shape[]> broadcastPairs() {
        return broadcastPairs(4);
    }

    /** Two shapes of rank at most {@code maxRank} that broadcast together. */
    public static Arbitrary<Shape[]> broadcastPairs(int maxRank) {
        Arbitrary<Shape> out = shapes(0, maxRank);
        return out.flatMap(s -> Combinators.combine(operandOf(s), operandOf(s)).as((a, b) -> new Shape[] {a, b}));
    }

    private static Arbitrary<Shape> operandOf(Shape out) {
        int r = out.rank();
        return Combinators.combine(Arbitraries.integers().between(0, r),
                        Arbitraries.integers().between(0, 1).array(int[].class).ofSize(r))
                .as((drop, ones) -> {
                    int[] d = out.dims();
                    int[] op = Arrays.copyOfRange(d, drop, r);
                    for (int i = 0; i < op.length; i++) {
                        if (ones[i + drop] == 1) {
                            op[i] = 1;
                        }
                    }
                    return Shape.of(op);
                });
    }

    /** The fixed broadcast pairs of the broadcasting contract, both ways round, and a few more. */
    public static Shape[][] namedBroadcastPairs() {
        return new Shape[][] {
            {Shape.of(3, 1), Shape.of(1, 4)},
            {Shape.of(1, 4), Shape.of(3, 1)},
            {Shape.of(4), Shape.of(2, 3, 4)},
            {Shape.of(2, 3, 4), Shape.of(4)},
            {Shape.of(), Shape.of(2, 3)},
            {Shape.of(2, 1, 3), Shape.of(4, 1)},
        };
    }
}
