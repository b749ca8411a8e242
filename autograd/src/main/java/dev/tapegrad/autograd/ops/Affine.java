package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernel.Gemm;

/**
 * The fully connected layer's function (PyTorch's {@code F.linear}), fused into one op for speed (one tape entry instead of a
 * transpose, a matrix product and a broadcast add): inputs {@code x [N, in]} (or {@code [in]}),
 * {@code W [out, in]}, {@code b [out]}; output {@code y = x W^T + b}, {@code [N, out]} (or {@code [out]}).
 * With {@code g = dL/dy}: {@code dL/dx = g W}, {@code dL/dW = g^T x}, {@code dL/db = sum over n of g}.
 */
public final class Affine implements Op {
    /** The one instance. */
    public static final Affine INSTANCE = new Affine();

    private Affine() {}

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        return outputShape(this, inputs);
    }

    /** This op's output shape for {@code op}, an op with its inputs, whose name the messages give. */
    static Shape outputShape(Op op, Shape... inputs) {
        Op.checkArity(op, inputs, 3);
        Shape x = inputs[0];
        Shape w = inputs[1];
        Shape b = inputs[2];
        if (w.rank() != 2 || b.rank() != 1 || b.dim(0) != w.dim(0)) {
            throw new IllegalArgumentException(op.name() + ": weight " + w + " must be [out, in] and bias " + b + " [out]");
        }
        int in = w.dim(1);
        if ((x.rank() != 1 && x.rank() != 2) || x.dim(x.rank() - 1) != in) {
            throw new IllegalArgumentException(op.name() + ": input of shape " + x + " does not fit weight " + w
                    + "; expected [N, " + in + "] (a batch) or [" + in + "] (one sample)");
        }
        return x.rank() == 2 ? Shape.of(x.dim(0), w.dim(0)) : Shape.of(w.dim(0));
    }

    // The products go through autograd's Gemm kernel (packed, vectorised, split over threads above a
    // size threshold) so a fused layer is as fast as the matmul op it replaces.
    @Override
    public double[] forward(OpCall call) {
        double[] x = call.input(0);
        double[] w = call.input(1);
        double[] b = call.input(2);
        int out = b.length;
        int in = w.length / out;
        int rows = x.length / in;
        double[] y = new double[rows * out];
        // The bias is where each output's sum starts: the same bits as x W^T added to rows of b.
        Gemm.multiply(false, true, rows, out, in, x, 0, w, 0, b, y, 0);
        return y;
    }

    @Override
    public double[][] backward(OpCall call, double[] g) {
        double[] x = call.input(0);
        double[] w = call.input(1);
        int out = call.input(2).length;
        int in = w.length / out;
        int rows = x.length / in;
        double[] gx = null;
        double[] gw = null;
        double[] gb = null;
        if (call.needsGradient(0)) {
            gx = new double[x.length];
            Gemm.multiply(false, false, rows, in, out, g, 0, w, 0, null, gx, 0);
        }
        if (call.needsGradient(1)) {
            gw = new double[w.length];
            Gemm.multiply(true, false, out, in, rows, g, 0, x, 0, null, gw, 0);
        }
        if (call.needsGradient(2)) {
            gb = new double[out];
            for (int n = 0; n < rows; n++) {
                for (int o = 0; o < out; o++) {
                    gb[o] += g[n * out + o];
                }
            }
        }
        return new double[][] {gx, gw, gb};
    }

    /**
     * {@code gx = g W}, {@code gW = g^T x} (the outer product {@code g x^T} for one sample), {@code gb = sum
     * over n of g}; {@code g^T x} is one product reading {@code g} transposed in place.
     */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        Tensor x = inputs[0];
        Tensor w = inputs[1];
        Tensor b = inputs[2];
        boolean batch = x.shape().rank() == 2;
        Tensor gw = null;
        if (w.requiresGrad()) {
            Tensor g2 = batch ? g : g.reshape(1, w.shape().dim(0));
            Tensor x2 = batch ? x : x.reshape(1, w.shape().dim(1));
            gw = MatMul.of(true, false).apply(g2, x2).asTensor();
        }
        return new Tensor[] {
            x.requiresGrad() ? g.matmul(w) : null,
            gw,
            b.requiresGrad() ? (batch ? g.sum(0) : g) : null,
        };
    }
}
