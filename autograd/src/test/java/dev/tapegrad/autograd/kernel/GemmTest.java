package dev.tapegrad.autograd.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * Every matrix-product kernel against a plain triple loop written here, for all four transpose
 * variants, edge sizes around the register tiles and blocks, and nonzero offsets. The Vector API kernel
 * is tested when the module is present; the build runs this class once with it and once without.
 */
class GemmTest {
    /** The shape of every kernel: C += op(A) op(B) on strided views. */
    interface Kernel {
        void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, int aOff, int lda,
                  double[] b, int bOff, int ldb, double[] c, int cOff, int ldc);
    }

    private static final int[][] SHAPES = {
        {1, 1, 1}, {3, 3, 3}, {17, 17, 17}, {1, 17, 3}, {17, 1, 255}, {3, 257, 17}, {255, 3, 17},
        {33, 65, 300}, {9, 17, 257}, {130, 40, 7}, {255, 255, 255}, {257, 257, 257}, {520, 20, 300},
        // The wide MLP's products: forward x W^T and the two backward products, through a ragged last layer.
        {128, 256, 784}, {128, 784, 256}, {256, 784, 128}, {128, 10, 256}, {10, 256, 128},
        // Widths made of whole 8 x 24 tiles only, with no ragged panel, over one and over two blocks along k.
        {9, 48, 33}, {31, 96, 170},
    };

    /** An independent reference: one dot product per element, in order of k, added to C last. */
    static double[] reference(boolean tA, boolean tB, int m, int n, int k, double[] a, int aOff, int lda,
                              double[] b, int bOff, int ldb, double[] c, int cOff, int ldc) {
        double[] r = c.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double x = tA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    double y = tB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    s += x * y;
                }
                r[cOff + i * ldc + j] += s;
            }
        }
        return r;
    }

    /** One product's sizes and transposes, for {@link #eachCase}. */
    interface Case {
        void run(int m, int n, int k, boolean transA, boolean transB) throws Exception;
    }

    /** {@code c} for each shape {@code {m, n, k}} with each of the four transpose variants. */
    static void eachCase(int[][] shapes, Case c) throws Exception {
        for (int[] s : shapes) {
            for (int v = 0; v < 4; v++) {
                c.run(s[0], s[1], s[2], (v & 1) != 0, (v & 2) != 0);
            }
        }
    }

    static double[] random(SplittableRandom rng, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextDouble(-1, 1);
        }
        return x;
    }

    /** Runs {@code kernel} on every shape and variant with offsets and padded strides. */
    private static void checkKernel(String name, Kernel kernel) {
        SplittableRandom rng = new SplittableRandom(42);
        for (int[] s : SHAPES) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            for (int v = 0; v < 4; v++) {
                boolean tA = (v & 1) != 0;
                boolean tB = (v & 2) != 0;
                int pad = v; // strides wider than the matrix on some variants
                int lda = (tA ? m : k) + pad;
                int ldb = (tB ? k : n) + pad;
                int ldc = n + pad;
                int aOff = 5;
                int bOff = 3;
                int cOff = 7;
                double[] a = random(rng, aOff + (tA ? k : m) * lda + 4);
                double[] b = random(rng, bOff + (tB ? n : k) * ldb + 4);
                double[] c = random(rng, cOff + m * ldc + 4);
                double[] a0 = a.clone();
                double[] b0 = b.clone();
                double[] expected = reference(tA, tB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
                kernel.gemm(tA, tB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
                assertArrayEquals(a0, a, name + ": A modified");
                assertArrayEquals(b0, b, name + ": B modified");
                for (int q = 0; q < c.length; q++) {
                    // Each element sums k products of magnitude <= 1: rounding differs by at most ~k ulps of k.
                    double tol = 1e-15 * (k + 1) * (k + 1) + 1e-15;
                    if (Math.abs(expected[q] - c[q]) > tol) {
                        fail(String.format("%s m=%d n=%d k=%d transA=%s transB=%s: c[%d] = %s, expected %s",
                                name, m, n, k, tA, tB, q, c[q], expected[q]));
                    }
                }
            }
        }
    }

    @Test
    void plainKernelMatchesReference() {
        checkKernel("plain", PlainGemm::gemm);
    }

    @Test
    void scalarKernelMatchesReference() {
        checkKernel("scalar", ScalarGemm::gemm);
    }

    @Test
    void vectorKernelMatchesReference() {
        assumeTrue(Gemm.vectorized(), "jdk.incubator.vector is not in this run");
        checkKernel("vector", VectorGemm::gemm);
    }

    @Test
    void bothVectorTilesMatchReference() {
        assumeTrue(Gemm.vectorized(), "jdk.incubator.vector is not in this run");
        for (boolean wide : new boolean[] {false, true}) {
            checkKernel(wide ? "vector tile 8 x 3L" : "vector tile 6 x 2L",
                    (tA, tB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc) -> VectorGemm.gemmWithTile(
                            wide, tA, tB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc));
        }
    }

    @Test
    void dispatchMatchesReferenceOnOneAndTwoThreads() {
        for (int threads : new int[] {1, 2}) {
            checkKernel("Gemm on " + threads, (tA, tB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc) -> {
                // Gemm takes natural strides only: copy the strided views into dense arrays and back.
                double[] da = dense(a, aOff, tA ? k : m, tA ? m : k, lda);
                double[] db = dense(b, bOff, tB ? n : k, tB ? k : n, ldb);
                double[] dc = dense(c, cOff, m, n, ldc);
                double[] shifted = new double[dc.length + 3];
                System.arraycopy(dc, 0, shifted, 3, dc.length);
                Gemm.multiplyAdd(tA, tB, m, n, k, prefixed(da, 2), 2, prefixed(db, 1), 1, shifted, 3, threads);
                for (int i = 0; i < m; i++) {
                    System.arraycopy(shifted, 3 + i * n, c, cOff + i * ldc, n);
                }
            });
        }
    }

    @Test
    void resultBitsDoNotDependOnThreadCount() throws Exception {
        SplittableRandom rng = new SplittableRandom(7);
        int[][] shapes = {{300, 129, 70}, {70, 300, 129}, {257, 255, 257}, {520, 20, 300}, {1030, 17, 9}};
        eachCase(shapes, (m, n, k, tA, tB) -> {
            double[] a = random(rng, m * k);
            double[] b = random(rng, k * n);
            double[] c0 = random(rng, m * n);
            double[] one = c0.clone();
            Gemm.multiplyAdd(tA, tB, m, n, k, a, 0, b, 0, one, 0, 1);
            for (int threads : new int[] {2, 3, 5}) {
                double[] many = c0.clone();
                Gemm.multiplyAdd(tA, tB, m, n, k, a, 0, b, 0, many, 0, threads);
                assertArrayEquals(one, many, "threads=" + threads + " m=" + m + " n=" + n + " k=" + k);
            }
            // The implicit thread count, inside a two-thread pool.
            double[] pooled = c0.clone();
            ForkJoinPool pool = new ForkJoinPool(2);
            try {
                pool.submit(() -> Gemm.multiplyAdd(tA, tB, m, n, k, a, 0, b, 0, pooled, 0)).get();
            } finally {
                pool.shutdown();
            }
            assertArrayEquals(one, pooled);
        });
    }

    @Test
    void threadsComeFromTheEnclosingPool() throws Exception {
        ForkJoinPool pool = new ForkJoinPool(1);
        try {
            assertEquals(1, pool.submit(Parallel::threads).get());
        } finally {
            pool.shutdown();
        }
        ForkJoinPool two = new ForkJoinPool(2);
        try {
            assertEquals(2, two.submit(Parallel::threads).get());
        } finally {
            two.shutdown();
        }
    }

    @Test
    void vectorApiIsUsedExactlyWhenTheBuildSaysSo() {
        String expected = System.getProperty("tapegrad.expectVectorApi");
        assumeTrue(expected != null, "not run by the build");
        assertEquals(Boolean.parseBoolean(expected), Gemm.vectorized());
    }

    @Test
    void vectorsHaveTheWidthTheBuildAsksFor() {
        String lanes = System.getProperty("tapegrad.expectLanes");
        assumeTrue(lanes != null && Gemm.vectorized(), "no vector width asked for");
        assertEquals(Integer.parseInt(lanes), VectorGemm.L, "doubles per vector");
    }

    @Test
    void badArgumentsAreNamedNotIndexedOutOfBounds() {
        double[] a = new double[6];
        double[] b = new double[6];
        double[] c = new double[3];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.multiplyAdd(false, false, 2, 2, 3, a, 0, b, 0, c, 0));
        assertTrue(e.getMessage().contains("C needs 4 values"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Gemm.multiplyAdd(false, false, 2, 3, 3, a, 1, b, 0, new double[6], 0));
        assertThrows(IllegalArgumentException.class, () -> Gemm.multiplyAdd(false, false, -1, 3, 3, a, 0, b, 0, c, 0));
    }

    private static double[] dense(double[] x, int off, int rows, int cols, int ld) {
        double[] d = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(x, off + r * ld, d, r * cols, cols);
        }
        return d;
    }

    private static double[] prefixed(double[] x, int shift) {
        double[] y = new double[x.length + shift];
        System.arraycopy(x, 0, y, shift, x.length);
        return y;
    }
}
