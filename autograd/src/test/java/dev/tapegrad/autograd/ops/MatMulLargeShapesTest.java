package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * matmul at sizes a blocked or unrolled kernel cares about (1 to 70 along each axis, so every
 * remainder of a block shows up), with broadcast batch dimensions: the forward values and both
 * gradients (G B^T and A^T G, summed over broadcast batches) against plain loops.
 */
class MatMulLargeShapesTest {
    /** {n, k, m, batch case, seed}. */
    @Provide
    Arbitrary<int[]> sizes() {
        return Arbitraries.integers().between(1, 70).array(int[].class).ofSize(3).flatMap(nkm ->
                Arbitraries.integers().between(0, 3).flatMap(batch -> Arbitraries.integers().map(seed ->
                        new int[] {nkm[0], nkm[1], nkm[2], batch, seed})));
    }

    @Property(tries = 40, seed = GradProperty.SEED)
    void valuesAndGradientsMatchPlainLoops(@ForAll("sizes") int[] c) {
        int n = c[0];
        int k = c[1];
        int m = c[2];
        int[][] batches = {{}, {2}, {3, 1}, {1}};
        int[][] otherBatches = {{}, {2}, {1, 2}, {3}};
        int[] sa = concat(batches[c[3]], n, k);
        int[] sb = concat(otherBatches[c[3]], k, m);
        SplittableRandom rng = new SplittableRandom(c[4]);
        double[] a = random(rng, Reference.size(sa));
        double[] b = random(rng, Reference.size(sb));
        int[] batch = Reference.broadcastShape(Arrays.copyOf(sa, sa.length - 2), Arrays.copyOf(sb, sb.length - 2));
        int[] out = concat(batch, n, m);
        double[] g = random(rng, Reference.size(out));

        Tape tape = new Tape();
        Tensor at = tape.tensor(Shape.of(sa), a);
        Tensor bt = tape.tensor(Shape.of(sb), b);
        Tensor y = at.matmul(bt);
        // 1e-10: room for any summation order a faster kernel picks; an indexing bug is off by O(1).
        Check.values(Reference.matmul(a, sa, b, sb, out), Shape.of(out), y, 1e-10);
        Gradients grads = y.backward(g);

        // dL/dA[t_a] = sum over output batches reading t_a of G B^T, and likewise A^T G for B.
        double[] ga = new double[a.length];
        double[] gb = new double[b.length];
        int[] ba = Arrays.copyOf(sa, sa.length - 2);
        int[] bb = Arrays.copyOf(sb, sb.length - 2);
        for (int t = 0; t < Reference.size(batch); t++) {
            int[] bi = Reference.unravel(t, batch);
            int ta = Reference.source(bi, ba);
            int tb = Reference.source(bi, bb);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    double gij = g[t * n * m + i * m + j];
                    for (int p = 0; p < k; p++) {
                        ga[ta * n * k + i * k + p] += gij * b[tb * k * m + p * m + j];
                        gb[tb * k * m + p * m + j] += a[ta * n * k + i * k + p] * gij;
                    }
                }
            }
        }
        assertClose(ga, grads.of(at), "dL/dA");
        assertClose(gb, grads.of(bt), "dL/dB");
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-10 * Math.max(1, Math.abs(expected[i])), what + " element " + i);
        }
    }

    private static int[] concat(int[] head, int... tail) {
        int[] r = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, r, head.length, tail.length);
        return r;
    }

    private static double[] random(SplittableRandom rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble(-1, 1);
        }
        return v;
    }
}
