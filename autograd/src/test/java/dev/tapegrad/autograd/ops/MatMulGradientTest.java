package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;

/**
 * {@code matmul}: 2-D, batched with broadcast batch dimensions, and the 1-D cases of
 * {@code torch.matmul}; gradients against finite differences, values against a plain triple loop.
 */
class MatMulGradientTest {
    /** Operand shapes: kind 0 batched 2-D, 1 vector-vector, 2 vector-matrix, 3 matrix-vector. */
    @Provide
    Arbitrary<GradCheck.Input[]> operands() {
        Arbitrary<Integer> dim = Arbitraries.integers().between(1, 4);
        Arbitrary<Shape[]> shapes = Combinators.combine(Arbitraries.integers().between(0, 3), dim, dim, dim,
                        Domains.broadcastPairs(2))
                .as((kind, n, k, m, batch) -> switch (kind) {
                    case 0 -> new Shape[] {append(batch[0], n, k), append(batch[1], k, m)};
                    case 1 -> new Shape[] {Shape.of(k), Shape.of(k)};
                    case 2 -> new Shape[] {Shape.of(k), append(batch[1], k, m)};
                    default -> new Shape[] {append(batch[0], n, k), Shape.of(k)};
                });
        return shapes.flatMap(s -> Combinators.combine(
                        Domains.values(Domains.between(-2, 2), s[0].size()), Domains.values(Domains.between(-2, 2), s[1].size()))
                .as((a, b) -> new GradCheck.Input[] {GradCheck.Input.of(s[0], a), GradCheck.Input.of(s[1], b)}));
    }

    private static Shape append(Shape s, int... tail) {
        int[] d = Arrays.copyOf(s.dims(), s.rank() + tail.length);
        System.arraycopy(tail, 0, d, s.rank(), tail.length);
        return Shape.of(d);
    }

    @GradProperty
    void matchesFiniteDifferences(@ForAll("operands") GradCheck.Input[] in) {
        Check.gradientsAll(ts -> ts.get(0).matmul(ts.get(1)), in);
    }

    @GradProperty
    void opObjectMatchesFiniteDifferences(@ForAll("operands") GradCheck.Input[] in) {
        if (in[0].shape().rank() >= 2 && in[1].shape().rank() >= 2) {
            Check.gradientsAll(ts -> MatMul.INSTANCE.apply(ts.get(0), ts.get(1)).asTensor().tanh(), in);
        } else {
            Check.gradientsAll(ts -> ts.get(0).matmul(ts.get(1)).sin(), in);
        }
    }

    @GradProperty
    void valuesMatchPlainTripleLoop(@ForAll("operands") GradCheck.Input[] in) {
        int[] sa = in[0].shape().dims();
        int[] sb = in[1].shape().dims();
        int[] a2 = sa.length == 1 ? new int[] {1, sa[0]} : sa;
        int[] b2 = sb.length == 1 ? new int[] {sb[0], 1} : sb;
        int[] batch = Reference.broadcastShape(Arrays.copyOf(a2, a2.length - 2), Arrays.copyOf(b2, b2.length - 2));
        int[] out = Arrays.copyOf(batch, batch.length + 2);
        out[batch.length] = a2[a2.length - 2];
        out[batch.length + 1] = b2[b2.length - 1];
        double[] expected = Reference.matmul(in[0].values(), a2, in[1].values(), b2, out);
        // torch.matmul drops the axis a vector operand was given.
        int[] torchShape = out;
        if (sb.length == 1) {
            torchShape = Arrays.copyOf(torchShape, torchShape.length - 1);
        }
        if (sa.length == 1) {
            int[] t = Arrays.copyOf(torchShape, torchShape.length - 1);
            if (sb.length > 1) {
                t[t.length - 1] = torchShape[torchShape.length - 1];
            }
            torchShape = t;
        }
        Tape tape = new Tape();
        Tensor y = tape.tensor(in[0].shape(), in[0].values()).matmul(tape.tensor(in[1].shape(), in[1].values()));
        Check.values(expected, Shape.of(torchShape), y, 1e-13);
    }
}
