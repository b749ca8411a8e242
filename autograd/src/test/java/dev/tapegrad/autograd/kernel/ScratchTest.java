package dev.tapegrad.autograd.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void aBufferInUseIsNeverHandedOutTwice() {
        double[] outer = Scratch.take(Scratch.B, 100);
        double[] inner = Scratch.take(Scratch.B, 100);
        assertNotSame(outer, inner);
        Scratch.release(Scratch.B, inner);
        Scratch.release(Scratch.B, outer);
        double[] again = Scratch.take(Scratch.B, 50);
        assertTrue(again == outer || again == inner, "a released buffer is reused");
        Scratch.release(Scratch.B, again);
    }

    @Test
    void aReleasedBufferComesBackAndHugeOnesAreDropped() {
        double[] buf = Scratch.take(Scratch.A, 4096);
        Scratch.release(Scratch.A, buf);
        double[] back = Scratch.take(Scratch.A, 4096);
        assertSame(buf, back);
        Scratch.release(Scratch.A, back);
        double[] huge = new double[Scratch.KEEP + 1];
        Scratch.release(Scratch.A, huge);
        double[] next = Scratch.take(Scratch.A, Scratch.KEEP + 1);
        assertNotSame(huge, next);
    }

    @Test
    void threadsNeverShareABuffer() throws Exception {
        double[] here = Scratch.take(Scratch.A, 64);
        Scratch.release(Scratch.A, here);
        double[][] there = new double[1][];
        Thread t = new Thread(() -> there[0] = Scratch.take(Scratch.A, 64));
        t.start();
        t.join();
        assertNotSame(here, there[0]);
    }

    /** A product run after a larger one packs into the larger one's buffers: what they held must not leak in. */
    @Test
    void productsAfterLargerOnesMatchThePlainLoops() {
        SplittableRandom rng = new SplittableRandom(7);
        int[][] shapes = {{300, 290, 310}, {17, 3, 255}, {257, 17, 1}, {33, 65, 129}, {8, 16, 200}};
        for (int[] s : shapes) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            double[] a = random(rng, m * k);
            double[] b = random(rng, k * n);
            double[] c = new double[m * n];
            Gemm.multiplyAdd(false, true, m, n, k, a, 0, b, 0, c, 0, 1);
            double[] expected = new double[m * n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    for (int p = 0; p < k; p++) {
                        sum += a[i * k + p] * b[j * k + p];
                    }
                    expected[i * n + j] = sum;
                }
            }
            assertArrayEquals(expected, c, 1e-12 * k, m + "x" + n + "x" + k);
        }
    }

    private static double[] random(SplittableRandom rng, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextDouble(-1, 1);
        }
        return x;
    }
}
