package dev.tapegrad.autograd.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The small-operand loops give the broadcasting kernel's bits, forward and backward, or decline. */
class SmallBinaryTest {
    private static final int[] KINDS = {SmallBinary.ADD, SmallBinary.SUB, SmallBinary.MUL};
    private static final int[] SIZES = {1, 3, 17, 255, 257};

    private static Broadcast.Partial partialA(int kind) {
        return kind == SmallBinary.MUL ? (a, b, y) -> b : (a, b, y) -> 1.0;
    }

    private static Broadcast.Partial partialB(int kind) {
        return kind == SmallBinary.MUL ? (a, b, y) -> a : kind == SmallBinary.SUB ? (a, b, y) -> -1.0 : (a, b, y) -> 1.0;
    }

    private static double value(int kind, double a, double b) {
        return kind == SmallBinary.ADD ? a + b : kind == SmallBinary.SUB ? a - b : a * b;
    }

    private static double[] random(SplittableRandom rng, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextDouble(-2, 2);
        }
        // A negative zero, whose sign the kernel's "0 + g * partial" turns positive: the loops must too.
        x[n / 2] = -0.0;
        return x;
    }

    @Test
    void sameBitsAsTheBroadcastingKernel() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int kind : KINDS) {
            for (int n : SIZES) {
                for (boolean scalarB : new boolean[] {false, true}) {
                    double[] a = random(rng, n);
                    double[] b = random(rng, scalarB ? 1 : n);
                    double[] g = random(rng, n);
                    int[] da = {n};
                    int[] db = scalarB ? new int[0] : new int[] {n};
                    String what = "kind " + kind + ", n " + n + (scalarB ? ", scalar b" : "");
                    double[] y = SmallBinary.forward(kind, a, b, n);
                    double[] want = Broadcast.forward((p, q) -> value(kind, p, q), a, da, b, db, da);
                    assertArrayEquals(want, y, 0.0, what);
                    double[][] got = SmallBinary.backward(kind, a, true, b, true, g);
                    double[][] ref = Broadcast.backward(partialA(kind), partialB(kind), a, da, true, b, db, true, y, da, g);
                    for (int k = 0; k < 2; k++) {
                        for (int i = 0; i < ref[k].length; i++) {
                            assertEquals(Double.doubleToRawLongBits(ref[k][i]), Double.doubleToRawLongBits(got[k][i]),
                                    what + ", gradient " + k + " element " + i);
                        }
                    }
                    double[][] onlyB = SmallBinary.backward(kind, a, false, b, true, g);
                    assertNull(onlyB[0], what);
                    assertArrayEquals(ref[1], onlyB[1], 0.0, what);
                }
            }
        }
    }

    @Test
    void valuesMatchAPlainLoop() {
        double[] a = {1.5, -2, 0.25};
        double[] b = {4, 0.5, -8};
        assertArrayEquals(new double[] {5.5, -1.5, -7.75}, SmallBinary.forward(SmallBinary.ADD, a, b, 3), 0.0);
        assertArrayEquals(new double[] {-2.5, -2.5, 8.25}, SmallBinary.forward(SmallBinary.SUB, a, b, 3), 0.0);
        assertArrayEquals(new double[] {6, -1, -2}, SmallBinary.forward(SmallBinary.MUL, a, b, 3), 0.0);
        assertArrayEquals(new double[] {3, -4, 0.5}, SmallBinary.forward(SmallBinary.MUL, a, new double[] {2}, 3), 0.0);
    }

    @Test
    void declinesOtherShapesAndLargeArrays() {
        assertNull(SmallBinary.forward(SmallBinary.ADD, new double[3], new double[2], 3), "a broadcast it does not handle");
        assertNull(SmallBinary.forward(SmallBinary.ADD, new double[1], new double[3], 3), "a left operand that broadcasts");
        assertNull(SmallBinary.forward(SmallBinary.MUL, new double[1 << 12], new double[1 << 12], 1 << 12), "large");
        assertNull(SmallBinary.backward(SmallBinary.SUB, new double[3], true, new double[2], true, new double[3]));
    }
}
