package dev.tapegrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Initialisers: bounds and spreads from their formulas, and reproducibility bit for bit. */
class InitTest {
    private static final int N = 20_000;

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private static double std(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x / v.length;
        }
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean) / v.length;
        }
        return Math.sqrt(s);
    }

    @Test
    void uniformFamiliesStayWithinTheirBoundsAndFillThem() {
        // fan-in 30, fan-out 20.
        double[][] cases = {
            {1 / Math.sqrt(30)}, {Math.sqrt(6.0 / 50)}, {2 * Math.sqrt(6.0 / 50)}, {Math.sqrt(6.0 / 30)}};
        Init[] inits = {Init.pytorchDefault(), Init.xavierUniform(), Init.xavierUniform(2), Init.heUniform()};
        for (int k = 0; k < inits.length; k++) {
            double bound = cases[k][0];
            double[] v = inits[k].sample(N, 30, 20, new SplittableRandom(k));
            assertTrue(max(v) <= bound, "init " + k + " within " + bound);
            assertTrue(max(v) > 0.99 * bound, "init " + k + " reaches near " + bound);
            // U(-a, a) has standard deviation a / sqrt(3).
            assertEquals(bound / Math.sqrt(3), std(v), 0.02 * bound);
        }
    }

    @Test
    void normalFamiliesHaveTheirStandardDeviation() {
        assertEquals(Math.sqrt(2.0 / 50), std(Init.xavierNormal().sample(N, 30, 20, new SplittableRandom(1))),
                0.02 * Math.sqrt(2.0 / 50));
        assertEquals(Math.sqrt(2.0 / 30), std(Init.heNormal().sample(N, 30, 20, new SplittableRandom(2))),
                0.02 * Math.sqrt(2.0 / 30));
        assertEquals(3.0, std(Init.normal(1, 3).sample(N, 1, 1, new SplittableRandom(3))), 0.06);
    }

    @Test
    void sameSeedSameBits() {
        for (Init init : new Init[] {Init.pytorchDefault(), Init.uniform(-2, 3), Init.xavierNormal(), Init.heNormal()}) {
            assertArrayEquals(init.sample(50, 5, 10, new SplittableRandom(7)), init.sample(50, 5, 10, new SplittableRandom(7)));
        }
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Init.uniform(1, 0));
        assertThrows(IllegalArgumentException.class, () -> Init.normal(0, -1));
        assertThrows(IllegalArgumentException.class, () -> Init.xavierUniform(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Init.heUniform().sample(3, 0, 3, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("fan-in"), e.getMessage());
    }
}
