package dev.tapegrad.autograd.ops;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernel.Broadcast;
import dev.tapegrad.autograd.kernel.Gemm;
import java.util.Arrays;

/**
 * Matrix product of the last two axes, batched over the leading axes with NumPy broadcasting:
 * {@code [..., n, k] x [..., k, m] -> [..., n, m]}. {@code C = A B}; {@code dL/dA = G B^T},
 * {@code dL/dB = A^T G}, each summed over the batch axes its input was broadcast along.
 *
 * <p>Either operand may be read transposed ({@link #of(boolean, boolean)}): {@code C = op(A) op(B)} with
 * {@code op(A) = A^T} when A is stored {@code [..., k, n]}, and likewise for B stored {@code [..., m, k]}.
 * The kernel reads the transposed layout in place, so a gradient such as {@code G B^T} costs the product
 * alone, with no copy of {@code B^T}. With {@code a = op(A)}, {@code b = op(B)}: {@code dL/da = G b^T} and
 * {@code dL/db = a^T G}, transposed back where the operand is stored transposed; each is again a product
 * of this family, so the op is differentiable to any order.
 */
public final class MatMul implements Op {
    /** The one instance of the plain product {@code A B}. */
    public static final MatMul INSTANCE = new MatMul(false, false);

    private static final MatMul TRANS_B = new MatMul(false, true);
    private static final MatMul TRANS_A = new MatMul(true, false);
    private static final MatMul TRANS_AB = new MatMul(true, true);

    private final boolean transA;
    private final boolean transB;

    private MatMul(boolean transA, boolean transB) {
        this.transA = transA;
        this.transB = transB;
    }

    /**
     * The product {@code op(A) op(B)}: {@code transA} reads A, stored {@code [..., k, n]}, as its
     * transpose, and {@code transB} reads B, stored {@code [..., m, k]}, as its transpose.
     */
    public static MatMul of(boolean transA, boolean transB) {
        return transA ? (transB ? TRANS_AB : TRANS_A) : (transB ? TRANS_B : INSTANCE);
    }

    /** The op's name: {@code matmul}, with the operands read transposed marked, as {@code matmul(a^T, b)}. */
    @Override
    public String name() {
        return transA || transB ? "matmul(" + (transA ? "a^T" : "a") + ", " + (transB ? "b^T" : "b") + ")" : "matmul";
    }

    /**
     * {@code torch.matmul}: this op for operands of rank 2 or more; a 1-D operand is a row (left) or
     * column (right) vector whose axis is dropped from the result. Checks both operands before
     * reshaping either, so a bad call records nothing and the message names the caller's shapes.
     */
    public static Tensor matmul(Tensor a, Tensor b) {
        Shape sa = a.shape();
        Shape sb = b.shape();
        checkArgument(sa.rank() >= 1 && sb.rank() >= 1, "matmul: operands need at least 1 dimension, got %s x %s", sa, sb);
        a.tape().checkSameTape("matmul", b);
        checkArgument(sa.dim(-1) == sb.dim(sb.rank() == 1 ? 0 : -2), "matmul: inner dimensions differ: %s x %s", sa, sb);
        Tensor a2 = sa.rank() == 1 ? a.reshape(1, sa.dim(0)) : a;
        Tensor b2 = sb.rank() == 1 ? b.reshape(sb.dim(0), 1) : b;
        Tensor c = INSTANCE.apply(a2, b2).asTensor();
        if (sa.rank() > 1 && sb.rank() > 1) {
            return c;
        }
        int[] d = c.shape().dims();
        int drop = (sa.rank() == 1 ? 1 : 0) + (sb.rank() == 1 ? 1 : 0);
        int[] out = Arrays.copyOf(d, d.length - drop);
        if (sa.rank() == 1 && sb.rank() > 1) {
            out[out.length - 1] = d[d.length - 1];
        }
        return c.reshape(out);
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 2);
        Shape a = inputs[0];
        Shape b = inputs[1];
        if (a.rank() < 2 || b.rank() < 2) {
            throw new IllegalArgumentException(String.format(
                    "%s: both operands need at least 2 dimensions here, got %s x %s", name(), a, b));
        }
        if (inner(a, transA, true) != inner(b, transB, false)) {
            throw new IllegalArgumentException(String.format("%s: inner dimensions differ: %s x %s", name(), a, b));
        }
        if (a.rank() == 2 && b.rank() == 2) { // no batch axes: the common case, and cheap to spot
            return Shape.of(outer(a, transA, true), outer(b, transB, false));
        }
        Shape batch = batchShape(a, b);
        int[] out = Arrays.copyOf(batch.dims(), batch.rank() + 2);
        out[batch.rank()] = outer(a, transA, true);
        out[batch.rank() + 1] = outer(b, transB, false);
        return Shape.of(out);
    }

    @Override
    public double[] forward(OpCall call) {
        Shape a = call.inputShape(0);
        Shape b = call.inputShape(1);
        if (a.rank() == 2 && b.rank() == 2) {
            double[] c = new double[call.outputShape().size()];
            Gemm.multiply(transA, transB, outer(a, transA, true), outer(b, transB, false), inner(a, transA, true),
                    call.input(0), 0, call.input(1), 0, null, c, 0);
            return c;
        }
        Plan p = new Plan(call, transA, transB);
        double[] c = new double[call.outputShape().size()];
        for (int t = 0; t < p.batches; t++) {
            Gemm.multiply(transA, transB, p.n, p.m, p.k, call.input(0), p.ia[t] * p.n * p.k,
                    call.input(1), p.ib[t] * p.k * p.m, null, c, t * p.n * p.m);
        }
        return c;
    }

    /**
     * {@code dA} and {@code dB} with the kernel reading every operand in its stored layout: for
     * {@code a = op(A)}, {@code b = op(B)}, {@code da = G b^T} and {@code db = a^T G}, written into A's and
     * B's layouts ({@code dA = b G^T} when A is read transposed, {@code dB = G^T a} when B is).
     */
    @Override
    public double[][] backward(OpCall call, double[] g) {
        double[] a = call.input(0);
        double[] b = call.input(1);
        double[] ga = call.needsGradient(0) ? new double[a.length] : null;
        double[] gb = call.needsGradient(1) ? new double[b.length] : null;
        Shape as = call.inputShape(0);
        Shape bs = call.inputShape(1);
        if (as.rank() == 2 && bs.rank() == 2) { // one product each, nothing to map
            products(true, outer(as, transA, true), inner(as, transA, true), outer(bs, transB, false), a, 0, b, 0, g, 0, ga, gb);
            return new double[][] {ga, gb};
        }
        Plan p = new Plan(call, transA, transB);
        for (int t = 0; t < p.batches; t++) {
            // A broadcast operand's batches add into one gradient: these products accumulate.
            products(false, p.n, p.k, p.m, a, p.ia[t] * p.n * p.k, b, p.ib[t] * p.k * p.m, g, t * p.n * p.m, ga, gb);
        }
        return new double[][] {ga, gb};
    }

    /**
     * Adds one batch's {@code dL/da} into {@code ga} and {@code dL/db} into {@code gb} (either may be
     * null), or writes them there when {@code fresh} (new arrays that nothing else adds into).
     */
    private void products(boolean fresh, int n, int k, int m, double[] a, int aOff, double[] b, int bOff,
                          double[] g, int gOff, double[] ga, double[] gb) {
        if (ga != null) {
            if (transA) {
                gemm(fresh, transB, true, k, n, m, b, bOff, g, gOff, ga, aOff);
            } else {
                gemm(fresh, false, !transB, n, k, m, g, gOff, b, bOff, ga, aOff);
            }
        }
        if (gb != null) {
            if (transB) {
                gemm(fresh, true, transA, m, k, n, g, gOff, a, aOff, gb, bOff);
            } else {
                gemm(fresh, !transA, false, k, m, n, a, aOff, g, gOff, gb, bOff);
            }
        }
    }

    /** {@code C = op(A) op(B)} when {@code fresh}, else {@code C += op(A) op(B)}. */
    private static void gemm(boolean fresh, boolean transA, boolean transB, int m, int n, int k,
                             double[] a, int aOff, double[] b, int bOff, double[] c, int cOff) {
        if (fresh) {
            Gemm.multiply(transA, transB, m, n, k, a, aOff, b, bOff, null, c, cOff);
        } else {
            Gemm.multiplyAdd(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff);
        }
    }

    /** The summed dimension of an operand: the last of a left operand, unless it is read transposed. */
    private static int inner(Shape s, boolean transposed, boolean left) {
        return s.dim(left != transposed ? -1 : -2);
    }

    /** The dimension an operand gives the output: a left operand's rows, a right operand's columns. */
    private static int outer(Shape s, boolean transposed, boolean left) {
        return s.dim(left != transposed ? -2 : -1);
    }

    /** The broadcast batch shape, or an error that names both operands' full shapes. */
    private static Shape batchShape(Shape a, Shape b) {
        try {
            return Shape.broadcast(batch(a), batch(b), "matmul");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(String.format(
                    "matmul: batch dimensions %s and %s do not broadcast: %s x %s", batch(a), batch(b), a, b), e);
        }
    }

    private static Shape batch(Shape s) {
        return Shape.of(Arrays.copyOf(s.dims(), s.rank() - 2));
    }

    /**
     * The sizes of one batched call and, per output batch, which batch of A and of B it reads (two 2-D
     * operands take the direct path instead).
     */
    private static final class Plan {
        final int n;
        final int k;
        final int m;
        final int batches;
        final int[] ia;
        final int[] ib;

        Plan(OpCall call, boolean transA, boolean transB) {
            Shape a = call.inputShape(0);
            Shape b = call.inputShape(1);
            Shape out = call.outputShape();
            n = outer(a, transA, true);
            k = inner(a, transA, true);
            m = outer(b, transB, false);
            Shape batch = batch(out);
            batches = batch.size();
            ia = Broadcast.indexMap(batch(a).dims(), batch.dims());
            ib = Broadcast.indexMap(batch(b).dims(), batch.dims());
        }
    }

    /**
     * The products of {@link #backward} as nodes, each a product of this family that reads its operands
     * where they are (no transposed copies), summed over the batch axes each operand was broadcast along:
     * for the plain product {@code gA = sumTo(G B^T)}, {@code gB = sumTo(A^T G)}.
     */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        Tensor a = inputs[0];
        Tensor b = inputs[1];
        Tensor ga = null;
        Tensor gb = null;
        if (a.requiresGrad()) {
            ga = (transA ? of(transB, true).apply(b, g) : of(false, !transB).apply(g, b)).asTensor().sumTo(a.shape());
        }
        if (b.requiresGrad()) {
            gb = (transB ? of(true, transA).apply(g, a) : of(!transA, false).apply(a, g)).asTensor().sumTo(b.shape());
        }
        return new Tensor[] {ga, gb};
    }
}
