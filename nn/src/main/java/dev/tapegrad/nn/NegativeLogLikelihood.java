package dev.tapegrad.nn;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.ops.Mask;

/**
 * Negative log-likelihood of class indices, fused: inputs {@code l [N, C]} (log-probabilities, one row
 * per sample) and {@code c [N]} (the class of each row, a constant holding integers), output
 * {@code L = -mean_i l[i, c_i]}; {@code dL/dl[i, c_i] = -1 / N}, 0 elsewhere; {@code c} gets no gradient.
 * Only the target's entry is read, as in PyTorch's {@code nll_loss}: a {@code -inf} log-probability of
 * another class (a logit of {@code -inf}) leaves the loss finite, where multiplying by a one-hot row
 * would give {@code 0 * -inf = NaN}.
 */
final class NegativeLogLikelihood implements Op {
    static final NegativeLogLikelihood INSTANCE = new NegativeLogLikelihood();

    private NegativeLogLikelihood() {}

    @Override
    public String name() {
        return "nll";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 2);
        Shape l = inputs[0];
        Shape c = inputs[1];
        if (l.rank() != 2 || c.rank() != 1 || c.dim(0) != l.dim(0)) {
            throw new IllegalArgumentException("nll: log-probabilities of shape " + l + " and classes of shape " + c
                    + " do not fit; expected [N, C] and [N]");
        }
        return Shape.of();
    }

    @Override
    public double[] forward(OpCall call) {
        double[] l = call.input(0);
        double[] classes = call.input(1);
        int n = classes.length;
        int width = n == 0 ? 0 : l.length / n;
        // Summing the negated entries from +0 gives +0, not -0, when every entry is 0, as PyTorch does.
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum -= l[i * width + index(classes[i], i, width)];
        }
        return new double[] {sum / n};
    }

    @Override
    public double[][] backward(OpCall call, double[] gradOutput) {
        double[] l = call.input(0);
        double[] classes = call.input(1);
        int n = classes.length;
        int width = n == 0 ? 0 : l.length / n;
        double[] dl = new double[l.length];
        double g = -gradOutput[0] / n;
        for (int i = 0; i < n; i++) {
            dl[i * width + index(classes[i], i, width)] = g;
        }
        return new double[][] {dl, null};
    }

    /** {@code dl = mask(expand(-g / N))}, the target entries kept: the numeric backward's placement, as ops. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor g) {
        Tensor l = inputs[0];
        double[] classes = inputs[1].values();
        int n = classes.length;
        int width = n == 0 ? 0 : l.shape().size() / n;
        boolean[] keep = new boolean[l.shape().size()];
        for (int i = 0; i < n; i++) {
            keep[i * width + index(classes[i], i, width)] = true;
        }
        return new Tensor[] {l.requiresGrad() ? new Mask(keep).apply(g.neg().div(n).expand(l.shape())) : null, null};
    }

    private static int index(double c, int row, int width) {
        int k = (int) c;
        if (k != c || k < 0 || k >= width) {
            throw new IllegalArgumentException("nll: class " + c + " of row " + row + " is not an index in [0, "
                    + width + ")");
        }
        return k;
    }
}
