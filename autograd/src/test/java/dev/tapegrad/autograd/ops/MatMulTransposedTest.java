package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.check.GradCheck;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The products that read an operand transposed in place, {@code MatMul.of(transA, transB)}: values
 * against a triple loop over explicitly transposed copies, first and second derivatives against finite
 * differences (2-D and batched with broadcast batch axes), and the shape errors.
 */
class MatMulTransposedTest {
    /** A layout (0..3: transA * 2 + transB) and its two operands, stored as that layout reads them. */
    @Provide
    Arbitrary<Object[]> products() {
        Arbitrary<Integer> dim = Arbitraries.integers().between(1, 4);
        return Combinators.combine(Arbitraries.integers().between(0, 3), dim, dim, dim, Domains.broadcastPairs(2))
                .flatAs((layout, n, k, m, batch) -> {
                    boolean ta = layout >= 2;
                    boolean tb = layout % 2 == 1;
                    Shape a = append(batch[0], ta ? k : n, ta ? n : k);
                    Shape b = append(batch[1], tb ? m : k, tb ? k : m);
                    return Combinators.combine(Domains.values(Domains.between(-2, 2), a.size()),
                                    Domains.values(Domains.between(-2, 2), b.size()))
                            .as((av, bv) -> new Object[] {layout, GradCheck.Input.of(a, av), GradCheck.Input.of(b, bv)});
                });
    }

    @GradProperty
    void valuesMatchTripleLoopOnTransposedCopies(@ForAll("products") Object[] p) {
        boolean ta = (int) p[0] >= 2;
        boolean tb = (int) p[0] % 2 == 1;
        GradCheck.Input a = (GradCheck.Input) p[1];
        GradCheck.Input b = (GradCheck.Input) p[2];
        int[] sa = a.shape().dims();
        int[] sb = b.shape().dims();
        double[] av = ta ? swapLast(a.values(), sa) : a.values();
        double[] bv = tb ? swapLast(b.values(), sb) : b.values();
        int[] pa = ta ? swappedShape(sa) : sa;
        int[] pb = tb ? swappedShape(sb) : sb;
        int[] batch = Reference.broadcastShape(Arrays.copyOf(pa, pa.length - 2), Arrays.copyOf(pb, pb.length - 2));
        int[] out = Arrays.copyOf(batch, batch.length + 2);
        out[batch.length] = pa[pa.length - 2];
        out[batch.length + 1] = pb[pb.length - 1];
        double[] expected = Reference.matmul(av, pa, bv, pb, out);
        Tape tape = new Tape();
        Tensor y = MatMul.of(ta, tb).apply(tape.tensor(a.shape(), a.values()), tape.tensor(b.shape(), b.values()))
                .asTensor();
        Check.values(expected, Shape.of(out), y, 1e-13);
    }

    @GradProperty
    void firstAndSecondDerivativesMatchFiniteDifferences(@ForAll("products") Object[] p) {
        boolean ta = (int) p[0] >= 2;
        boolean tb = (int) p[0] % 2 == 1;
        // tanh makes the second derivative in each operand alone non-zero (a product is bilinear).
        Check.gradientsAll(ts -> MatMul.of(ta, tb).apply(ts.get(0), ts.get(1)).asTensor().tanh(),
                (GradCheck.Input) p[1], (GradCheck.Input) p[2]);
    }

    @Test
    void plainLayoutIsTheMatmulOp() {
        assertEquals(MatMul.INSTANCE, MatMul.of(false, false));
        assertEquals("matmul(a^T, b)", MatMul.of(true, false).name());
    }

    @Test
    void innerDimensionsAreCheckedInTheStoredLayout() {
        Tape tape = new Tape();
        Tensor a = tape.tensor(Shape.of(3, 2), new double[6]);
        Tensor b = tape.tensor(Shape.of(3, 4), new double[12]);
        // a^T b: [2, 3] x [3, 4] fits; a b does not.
        assertEquals(Shape.of(2, 4), MatMul.of(true, false).apply(a, b).shape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MatMul.of(false, true).apply(a, b));
        assertTrue(e.getMessage().contains("matmul(a, b^T): inner dimensions differ: [3, 2] x [3, 4]"), e.getMessage());
    }

    private static Shape append(Shape s, int rows, int cols) {
        int[] d = Arrays.copyOf(s.dims(), s.rank() + 2);
        d[s.rank()] = rows;
        d[s.rank() + 1] = cols;
        return Shape.of(d);
    }

    private static int[] swappedShape(int[] s) {
        int[] t = s.clone();
        t[s.length - 2] = s[s.length - 1];
        t[s.length - 1] = s[s.length - 2];
        return t;
    }

    /** The values with the last two axes swapped, by index arithmetic. */
    private static double[] swapLast(double[] x, int[] s) {
        int r = s[s.length - 2];
        int c = s[s.length - 1];
        double[] y = new double[x.length];
        for (int base = 0; base < x.length; base += r * c) {
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    y[base + j * r + i] = x[base + i * c + j];
                }
            }
        }
        return y;
    }
}
