package dev.tapegrad.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Every loss and the fused linear op match central finite differences, for random shapes and values
 * drawn from each function's smooth domain (probabilities away from 0 and 1, where BCE's clamp sits).
 * Seeded: jqwik draws the shapes and the {@code seed} of each case from {@link #SEED}.
 */
class LossProperties {
    /**
     * The fixed seed of every property here, so a run generates the same cases every time (jqwik 1.9.3
     * has no configuration key for a default seed). A failure is reproduced by running the suite again.
     */
    static final String SEED = "20261123";

    private static void assertPasses(GradCheck.Report r) {
        assertTrue(r.passed(), r::describe);
    }

    private static Shape shape(int rows, int cols) {
        return Shape.of(rows, cols);
    }

    private static double[] uniform(SplittableRandom rng, int n, double low, double high) {
        return rng.doubles(n, low, high).toArray();
    }

    private static void checkPair(LossFunction loss, Shape s, double[] prediction, double[] target) {
        assertPasses(GradCheck.withDefaults().checkAll(in -> loss.apply(in.get(0), in.get(1)),
                List.of(GradCheck.Input.of(s, prediction), GradCheck.Input.of(s, target))));
        assertPasses(GradCheck.withDefaults().checkAllSecondOrder(in -> loss.apply(in.get(0), in.get(1)),
                List.of(GradCheck.Input.of(s, prediction), GradCheck.Input.of(s, target))));
    }

    @Property(tries = 50, seed = SEED)
    void mse(@ForAll @IntRange(min = 1, max = 5) int rows, @ForAll @IntRange(min = 1, max = 4) int cols,
             @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Shape s = shape(rows, cols);
        checkPair(Loss::mse, s, uniform(rng, s.size(), -3, 3), uniform(rng, s.size(), -3, 3));
    }

    @Property(tries = 50, seed = SEED)
    void bce(@ForAll @IntRange(min = 1, max = 5) int rows, @ForAll @IntRange(min = 1, max = 4) int cols,
             @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Shape s = shape(rows, cols);
        checkPair(Loss::bce, s, uniform(rng, s.size(), 0.05, 0.95), uniform(rng, s.size(), 0, 1));
    }

    @Property(tries = 50, seed = SEED)
    void bceWithLogits(@ForAll @IntRange(min = 1, max = 5) int rows, @ForAll @IntRange(min = 1, max = 4) int cols,
                       @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Shape s = shape(rows, cols);
        checkPair(Loss::bceWithLogits, s, uniform(rng, s.size(), -6, 6), uniform(rng, s.size(), 0, 1));
    }

    @Property(tries = 50, seed = SEED)
    void crossEntropyWithClasses(@ForAll @IntRange(min = 1, max = 5) int rows,
                                 @ForAll @IntRange(min = 2, max = 5) int classes, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Shape s = shape(rows, classes);
        int[] c = rng.ints(rows, 0, classes).toArray();
        double[] z0 = uniform(rng, s.size(), -4, 4);
        assertPasses(GradCheck.withDefaults().check(z -> Loss.crossEntropy(z, c), s, z0));
        assertPasses(GradCheck.withDefaults().checkSecondOrder(z -> Loss.crossEntropy(z, c), s, z0));
    }

    @Property(tries = 50, seed = SEED)
    void nll(@ForAll @IntRange(min = 1, max = 5) int rows, @ForAll @IntRange(min = 2, max = 5) int classes,
             @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Shape s = shape(rows, classes);
        double[] c = rng.ints(rows, 0, classes).asDoubleStream().toArray();
        assertPasses(GradCheck.withDefaults().check(l -> NegativeLogLikelihood.INSTANCE.apply(l,
                l.tape().constant(Shape.of(rows), c)).asTensor().mul(l.sum()).sum(), s, uniform(rng, s.size(), -4, 0)));
    }

    @Property(tries = 50, seed = SEED)
    void linear(@ForAll @IntRange(min = 1, max = 4) int rows, @ForAll @IntRange(min = 1, max = 4) int in,
                @ForAll @IntRange(min = 1, max = 4) int out, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Shape xs = Shape.of(rows, in);
        Shape ws = Shape.of(out, in);
        assertPasses(GradCheck.withDefaults().checkAll(
                t -> t.get(0).linear(t.get(1), t.get(2)).tanh().sum(),
                List.of(GradCheck.Input.of(xs, uniform(rng, xs.size(), -2, 2)),
                        GradCheck.Input.of(ws, uniform(rng, ws.size(), -1, 1)),
                        GradCheck.Input.of(Shape.of(out), uniform(rng, out, -1, 1)))));
    }
}
