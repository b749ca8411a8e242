package dev.tapegrad.autograd.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The elementwise maps against loops over {@link Math} written here, on both paths (the build runs the
 * kernel tests with and without the Vector API module), bit for bit: every length from 0 to past two
 * vectors, ranges that start and end anywhere, the same bits whatever the range is cut into, and the
 * same bits before and after the JIT has compiled the maps.
 */
class LanewiseTest {
    private static double[] inputs(SplittableRandom rng, int n, double scale) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextDouble(-scale, scale);
        }
        return x;
    }

    private static void assertClose(String what, double expected, double actual) {
        assertEquals(expected, actual, 0.0, what);
    }

    /** The first calls run before the JIT compiles the maps, the last ones after: every one gives Math's bits. */
    @Test
    void compiledMapsGiveTheBitsOfTheFirstCalls() {
        double[] x = inputs(new SplittableRandom(5), 1000, 20);
        double[] first = new double[x.length];
        double[] y = new double[x.length];
        for (int round = 0; round < 20_000; round++) {
            Lanewise.sigmoid(x, y, 0, x.length);
            Lanewise.exp(x, y, 0, x.length);
            Lanewise.sigmoid(x, y, 0, x.length);
            if (round == 0) {
                System.arraycopy(y, 0, first, 0, y.length);
            }
        }
        for (int i = 0; i < x.length; i++) {
            assertEquals(1 / (1 + Math.exp(-x[i])), first[i], 0.0, "first call, sigmoid(" + x[i] + ")");
            assertEquals(first[i], y[i], 0.0, "after compilation, sigmoid(" + x[i] + ")");
        }
    }

    @Test
    void mapsMatchMathOnEveryLengthAndOffset() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int n : new int[] {0, 1, 3, 7, 8, 9, 17, 255, 257}) {
            double[] x = inputs(rng, n + 5, 30);
            for (int from : new int[] {0, 1, 5}) {
                int to = Math.min(x.length, from + n);
                double[] e = new double[x.length];
                double[] t = new double[x.length];
                double[] s = new double[x.length];
                Lanewise.exp(x, e, from, to);
                Lanewise.tanh(x, t, from, to);
                Lanewise.sigmoid(x, s, from, to);
                for (int i = 0; i < x.length; i++) {
                    boolean in = i >= from && i < to;
                    assertClose("exp(" + x[i] + ")", in ? Math.exp(x[i]) : 0, e[i]);
                    assertClose("tanh(" + x[i] + ")", in ? Math.tanh(x[i]) : 0, t[i]);
                    assertClose("sigmoid(" + x[i] + ")", in ? 1 / (1 + Math.exp(-x[i])) : 0, s[i]);
                }
            }
        }
    }

    @Test
    void extremesSaturateWithoutNaN() {
        double[] x = {-1000, -745, -40, -0.0, 0.0, 40, 709, 710, 1000, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] s = new double[x.length];
        double[] e = new double[x.length];
        double[] t = new double[x.length];
        Lanewise.sigmoid(x, s, 0, x.length);
        Lanewise.exp(x, e, 0, x.length);
        Lanewise.tanh(x, t, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            assertClose("sigmoid(" + x[i] + ")", 1 / (1 + Math.exp(-x[i])), s[i]);
            assertClose("exp(" + x[i] + ")", Math.exp(x[i]), e[i]);
            assertClose("tanh(" + x[i] + ")", Math.tanh(x[i]), t[i]);
        }
        assertEquals(0.0, s[0]);
        assertEquals(1.0, s[8]);
        assertEquals(Double.POSITIVE_INFINITY, e[7]);
        assertEquals(-1.0, t[0]);
    }

    @Test
    void backwardPassesAreExactlyTheWrittenFormula() {
        SplittableRandom rng = new SplittableRandom(12);
        for (int n : new int[] {1, 3, 17, 255, 257}) {
            double[] g = inputs(rng, n, 2);
            double[] y = inputs(rng, n, 1);
            double[] sg = new double[n];
            double[] tg = new double[n];
            Lanewise.sigmoidBackward(g, y, sg, 0, n);
            Lanewise.tanhBackward(g, y, tg, 0, n);
            for (int i = 0; i < n; i++) {
                // Multiplications and a subtraction: the vector path rounds exactly as the scalar one.
                assertEquals(g[i] * y[i] * (1 - y[i]), sg[i], 0.0);
                assertEquals(g[i] * (1 - y[i] * y[i]), tg[i], 0.0);
            }
        }
    }

    @Test
    void cuttingARangeNeverChangesABit() {
        SplittableRandom rng = new SplittableRandom(13);
        double[] x = inputs(rng, 1000, 20);
        double[] whole = new double[x.length];
        Lanewise.sigmoid(x, whole, 0, x.length);
        double[] pieces = new double[x.length];
        int[] cuts = {0, 3, 17, 18, 255, 500, 777, 1000};
        for (int c = 0; c + 1 < cuts.length; c++) {
            Lanewise.sigmoid(x, pieces, cuts[c], cuts[c + 1]);
        }
        assertArrayEquals(whole, pieces);
    }

    @Test
    void inPlaceMapsGiveTheSameAsCopies() {
        double[] x = inputs(new SplittableRandom(14), 33, 5);
        double[] y = new double[x.length];
        Lanewise.tanh(x, y, 0, x.length);
        double[] z = x.clone();
        Lanewise.tanh(z, z, 0, z.length);
        assertArrayEquals(y, z);
    }

    @Test
    void badRangesAreNamed() {
        double[] x = new double[4];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lanewise.exp(x, new double[3], 0, 4));
        assertTrue(e.getMessage().contains("exp") && e.getMessage().contains("length 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Lanewise.tanh(x, x, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> Lanewise.sigmoidBackward(x, x, x, -1, 2));
        NullPointerException npe = assertThrows(NullPointerException.class, () -> Lanewise.sigmoid(null, x, 0, 1));
        assertTrue(npe.getMessage().contains("sigmoid"), npe.getMessage());
    }
}
