package dev.tapegrad.autograd.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Gemm#multiply}, {@code C = row + op(A) op(B)} into a C it must not read: against the plain
 * triple loop of {@link GemmTest#reference} started from the row, and bit for bit against
 * {@code multiplyAdd} on a C filled with the row, on one to three threads. C starts full of NaN, so a
 * kernel that read any of it would give NaN. The build runs this class with the Vector API (8-wide
 * and 4-wide tiles) and without it (the scalar kernel).
 */
class GemmMultiplyTest {
    private static final int[][] SHAPES = {
        {1, 1, 1}, {3, 3, 3}, {17, 17, 17}, {1, 17, 3}, {17, 1, 255}, {3, 257, 17}, {255, 3, 17},
        {33, 65, 300}, {255, 255, 255}, {257, 257, 257}, {520, 20, 300},
        {128, 256, 784}, {256, 784, 128}, {128, 10, 256}, {9, 48, 33}, {31, 96, 170},
    };
    /** Values around C's region, which the product must leave as they are. */
    private static final double OUTSIDE = 7.25;

    /** C of m x n at offset {@code off}, NaN inside and {@link #OUTSIDE} on either side. */
    private static double[] poisoned(int off, int m, int n) {
        double[] c = new double[off + m * n + 2];
        Arrays.fill(c, OUTSIDE);
        Arrays.fill(c, off, off + m * n, Double.NaN);
        return c;
    }

    /** C of m x n at offset {@code off} holding the row (or zeros) in every row, {@link #OUTSIDE} around it. */
    private static double[] startedFrom(double[] row, int off, int m, int n) {
        double[] c = new double[off + m * n + 2];
        Arrays.fill(c, OUTSIDE);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[off + i * n + j] = row == null ? 0 : row[j];
            }
        }
        return c;
    }

    @Test
    void multiplyStartsFromTheRowAndNeverReadsC() throws Exception {
        SplittableRandom rng = new SplittableRandom(11);
        int cOff = 3;
        GemmTest.eachCase(SHAPES, (m, n, k, tA, tB) -> {
            double[] a = GemmTest.random(rng, m * k);
            double[] b = GemmTest.random(rng, k * n);
            for (double[] row : new double[][] {null, GemmTest.random(rng, n)}) {
                double[] start = startedFrom(row, cOff, m, n);
                double[] expected = GemmTest.reference(tA, tB, m, n, k, a, 0, tA ? m : k, b, 0, tB ? k : n,
                        start, cOff, n);
                double[] added = start.clone();
                Gemm.multiplyAdd(tA, tB, m, n, k, a, 0, b, 0, added, cOff, 1);
                for (int threads = 1; threads <= 3; threads++) {
                    String what = String.format("m=%d n=%d k=%d transA=%s transB=%s row=%s threads=%d",
                            m, n, k, tA, tB, row != null, threads);
                    double[] c = poisoned(cOff, m, n);
                    Gemm.multiply(tA, tB, m, n, k, a, 0, b, 0, row, c, cOff, threads);
                    double tol = 1e-15 * (k + 1) * (k + 1) + 1e-15;
                    for (int q = 0; q < c.length; q++) {
                        if (!(Math.abs(expected[q] - c[q]) <= tol)) {
                            fail(what + String.format(": c[%d] = %s, expected %s", q, c[q], expected[q]));
                        }
                    }
                    assertArrayEquals(added, c, what + ": not the bits of multiplyAdd on C filled with the row");
                }
            }
        });
    }

    @Test
    void anEmptySumLeavesTheRowOrZeros() {
        double[] row = {1.5, -2, 0.25};
        double[] c = poisoned(1, 2, 3);
        Gemm.multiply(false, false, 2, 3, 0, new double[0], 0, new double[0], 0, row, c, 1);
        assertArrayEquals(new double[] {OUTSIDE, 1.5, -2, 0.25, 1.5, -2, 0.25, OUTSIDE, OUTSIDE}, c);
        double[] z = poisoned(0, 2, 3);
        Gemm.multiply(true, true, 2, 3, 0, new double[0], 0, new double[0], 0, null, z, 0);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, OUTSIDE, OUTSIDE}, z);
    }

    @Test
    void aRowOfTheWrongLengthIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.multiply(false, false, 2, 3, 2, new double[4], 0, new double[6], 0, new double[2], new double[6], 0));
        assertTrue(e.getMessage().contains("n=3") && e.getMessage().contains("has 2"), e.getMessage());
        assertEquals(IllegalArgumentException.class, assertThrows(RuntimeException.class,
                () -> Gemm.multiply(false, false, 2, 3, 2, new double[4], 0, new double[6], 0, null, new double[5], 0)).getClass());
    }
}
