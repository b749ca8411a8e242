package dev.tapegrad.autograd.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * The broadcasting and elementwise loops, through the public tensor API, against loops written here:
 * the bias fast path, the same-shape path split over threads, and the general path.
 */
class BroadcastTest {
    private static double[] random(SplittableRandom rng, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextDouble(-2, 2);
        }
        return x;
    }

    @Test
    void trailingDetectsTheBiasPatternOnly() {
        assertTrue(Broadcast.trailing(Shape.of(4).dims(), Shape.of(3, 4).dims()));
        assertTrue(Broadcast.trailing(Shape.of(1, 4).dims(), Shape.of(2, 3, 4).dims()));
        assertTrue(Broadcast.trailing(Shape.of(3, 4).dims(), Shape.of(2, 3, 4).dims()));
        assertTrue(Broadcast.trailing(Shape.of(1).dims(), Shape.of(2, 3).dims()));
        assertFalse(Broadcast.trailing(Shape.of(3, 1).dims(), Shape.of(3, 4).dims()));
        assertFalse(Broadcast.trailing(Shape.of(2, 1, 4).dims(), Shape.of(2, 3, 4).dims()));
        assertFalse(Broadcast.trailing(Shape.of(0).dims(), Shape.of(3, 0).dims()));
    }

    /** y = a * b with b of shape [n] over a of shape [rows, n]; and the gradients for a seed s. */
    @Test
    void biasProductMatchesLoopsWrittenHere() {
        SplittableRandom rng = new SplittableRandom(3);
        int rows = 37;
        int n = 19;
        double[] a = random(rng, rows * n);
        double[] b = random(rng, n);
        double[] seed = random(rng, rows * n);
        Tape tape = new Tape();
        Tensor ta = tape.tensor(Shape.of(rows, n), a);
        Tensor tb = tape.tensor(Shape.of(n), b);
        Tensor y = ta.mul(tb);
        Gradients g = y.backward(seed);
        double[] ey = new double[rows * n];
        double[] ega = new double[rows * n];
        double[] egb = new double[n];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < n; j++) {
                int i = r * n + j;
                ey[i] = a[i] * b[j];
                ega[i] = seed[i] * b[j];
                egb[j] += seed[i] * a[i];
            }
        }
        assertArrayEquals(ey, y.values(), 0.0);
        assertArrayEquals(ega, g.of(ta), 0.0);
        assertArrayEquals(egb, g.of(tb), 1e-12);
    }

    /** A column broadcast ([rows, 1] against [rows, n]) takes the general path. */
    @Test
    void columnBroadcastMatchesLoopsWrittenHere() {
        SplittableRandom rng = new SplittableRandom(4);
        int rows = 5;
        int n = 7;
        double[] a = random(rng, rows * n);
        double[] c = random(rng, rows);
        Tape tape = new Tape();
        Tensor ta = tape.tensor(Shape.of(rows, n), a);
        Tensor tc = tape.tensor(Shape.of(rows, 1), c);
        Tensor y = ta.sub(tc);
        double[] seed = random(rng, rows * n);
        Gradients g = y.backward(seed);
        double[] egc = new double[rows];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < n; j++) {
                assertEquals(a[r * n + j] - c[r], y.values()[r * n + j], 0.0);
                egc[r] -= seed[r * n + j];
            }
        }
        assertArrayEquals(egc, g.of(tc), 1e-12);
        assertArrayEquals(seed, g.of(ta), 0.0);
    }

    /** Large same-shape and elementwise ops give the same bits on one thread and on two. */
    @Test
    void largeOpsGiveTheSameBitsOnOneAndTwoThreads() throws Exception {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 3 * Elementwise.PARALLEL + 17;
        double[] a = random(rng, n);
        double[] b = random(rng, n);
        double[] seed = random(rng, n);
        double[][] one = run(1, a, b, seed);
        double[][] two = run(2, a, b, seed);
        for (int q = 0; q < one.length; q++) {
            assertArrayEquals(one[q], two[q], "result " + q);
        }
        for (int i = 0; i < n; i++) {
            double s = 1 / (1 + Math.exp(-(a[i] * b[i])));
            assertEquals(s, one[0][i], 1e-15);
            assertEquals(seed[i] * s * (1 - s) * b[i], one[1][i], 1e-12);
        }
    }

    /** The bias pattern above the split threshold: rows go to threads, the bias gradient stays in row order. */
    @Test
    void largeBiasOpGivesTheSameBitsOnOneAndTwoThreads() throws Exception {
        SplittableRandom rng = new SplittableRandom(6);
        int n = 100;
        int rows = Broadcast.PARALLEL / n + 7;
        double[] a = random(rng, rows * n);
        double[] b = random(rng, n);
        double[] seed = random(rng, rows * n);
        double[][][] results = new double[2][][];
        for (int threads = 1; threads <= 2; threads++) {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                results[threads - 1] = pool.submit(() -> {
                    Tape tape = new Tape();
                    Tensor ta = tape.tensor(Shape.of(rows, n), a);
                    Tensor tb = tape.tensor(Shape.of(n), b);
                    Tensor y = ta.div(tb);
                    Gradients g = y.backward(seed);
                    return new double[][] {y.values(), g.of(ta), g.of(tb)};
                }).get();
            } finally {
                pool.shutdown();
            }
        }
        for (int q = 0; q < 3; q++) {
            assertArrayEquals(results[0][q], results[1][q], "result " + q);
        }
        double[] egb = new double[n];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < n; j++) {
                int i = r * n + j;
                assertEquals(a[i] / b[j], results[0][0][i], 0.0);
                assertEquals(seed[i] / b[j], results[0][1][i], 1e-12 * Math.abs(seed[i] / b[j]) + 1e-15);
                egb[j] -= seed[i] * a[i] / (b[j] * b[j]);
            }
        }
        for (int j = 0; j < n; j++) {
            assertEquals(egb[j], results[0][2][j], 1e-9 * (1 + Math.abs(egb[j])));
        }
    }

    private static double[][] run(int threads, double[] a, double[] b, double[] seed) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(() -> {
                Tape tape = new Tape();
                Tensor ta = tape.tensor(Shape.of(a.length), a);
                Tensor tb = tape.tensor(Shape.of(b.length), b);
                Tensor y = ta.mul(tb).sigmoid();
                Gradients g = y.backward(seed);
                return new double[][] {y.values(), g.of(ta), g.of(tb)};
            }).get();
        } finally {
            pool.shutdown();
        }
    }
}
