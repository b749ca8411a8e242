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
 */
public final class MatMul implements Op {
    /** The one instance. */
    public static final MatMul INSTANCE = new MatMul();

    private MatMul() {}

    @Override
    public String name() {
        return "matmul";
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
        checkArgument(a.rank() >= 2 && b.rank() >= 2,
                "matmul: both operands need at least 2 dimensions here, got %s x %s", a, b);
        checkArgument(a.dim(-1) == b.dim(-2), "matmul: inner dimensions differ: %s x %s", a, b);
        Shape batch = batchShape(a, b);
        int[] out = Arrays.copyOf(batch.dims(), batch.rank() + 2);
        out[batch.rank()] = a.dim(-2);
        out[batch.rank() + 1] = b.dim(-1);
        return Shape.of(out);
    }

    @Override
    public double[] forward(OpCall call) {
        Plan p = new Plan(call);
        double[] c = new double[call.outputShape().size()];
        for (int t = 0; t < p.batches; t++) {
            Gemm.multiplyAdd(false, false, p.n, p.m, p.k, call.input(0), p.ia[t] * p.n * p.k,
                    call.input(1), p.ib[t] * p.k * p.m, c, t * p.n * p.m);
        }
        return c;
    }

    @Override
    public double[][] backward(OpCall call, double[] g) {
        Plan p = new Plan(call);
        double[] a = call.input(0);
        double[] b = call.input(1);
        double[] ga = call.needsGradient(0) ? new double[a.length] : null;
        double[] gb = call.needsGradient(1) ? new double[b.length] : null;
        for (int t = 0; t < p.batches; t++) {
            int aOff = p.ia[t] * p.n * p.k;
            int bOff = p.ib[t] * p.k * p.m;
            int gOff = t * p.n * p.m;
            if (ga != null) {
                Gemm.multiplyAdd(false, true, p.n, p.k, p.m, g, gOff, b, bOff, ga, aOff);
            }
            if (gb != null) {
                Gemm.multiplyAdd(true, false, p.k, p.m, p.n, a, aOff, g, gOff, gb, bOff);
            }
        }
        return new double[][] {ga, gb};
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

    /** The sizes of one call and, per output batch, which batch of A and of B it reads. */
    private static final class Plan {
        final int n;
        final int k;
        final int m;
        final int batches;
        final int[] ia;
        final int[] ib;

        Plan(OpCall call) {
            Shape a = call.inputShape(0);
            Shape b = call.inputShape(1);
            Shape out = call.outputShape();
            n = a.dim(-2);
            k = a.dim(-1);
            m = b.dim(-1);
            if (a.rank() == 2 && b.rank() == 2) {
                // No batch axes: one product and nothing to map (the common case, and cheap to spot).
                batches = 1;
                ia = new int[1];
                ib = new int[1];
                return;
            }
            Shape batch = batch(out);
            batches = batch.size();
            ia = Broadcast.indexMap(batch(a).dims(), batch.dims());
            ib = Broadcast.indexMap(batch(b).dims(), batch.dims());
        }
    }

    /** {@code gA = sumTo(G B^T)}, {@code gB = sumTo(A^T G)}, over the batch axes each operand was broadcast along. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        Tensor a = inputs[0];
        Tensor b = inputs[1];
        return new Tensor[] {
            a.requiresGrad() ? g.matmul(b.transpose(-2, -1)).sumTo(a.shape()) : null,
            b.requiresGrad() ? a.transpose(-2, -1).matmul(g).sumTo(b.shape()) : null,
        };
    }
}
