package dev.tapegrad.autograd.internal;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.ops.Concat;
import dev.tapegrad.autograd.ops.Expand;
import dev.tapegrad.autograd.ops.Neg;
import dev.tapegrad.autograd.ops.Pad;
import dev.tapegrad.autograd.ops.Permute;
import dev.tapegrad.autograd.ops.Reshape;
import dev.tapegrad.autograd.ops.Stack;
import dev.tapegrad.autograd.ops.Sum;
import dev.tapegrad.autograd.ops.SumTo;

/**
 * A constant gradient through an op whose Jacobian is constant (it moves, copies, sums or negates
 * elements, whatever their values): the input gradients are constants too, since they depend on
 * nothing that a later differentiation could vary. They are computed by the op's numeric backward and
 * put on the tape as constants, and zero ones are dropped, instead of recording the op's vjp: a one-hot
 * seed cut by a concat's vjp into a block per input becomes one constant, not a slice per block.
 */
final class ConstantFold {
    private ConstantFold() {}

    /**
     * Whether {@code op}'s gradient is a fixed linear map of its output gradient that its vjp records as
     * nodes. Identity, add and sub are left out: their vjp hands the gradient itself on, for nothing.
     */
    static boolean applies(Op op) {
        return op instanceof Concat || op instanceof Stack || op instanceof Pad || op instanceof Reshape
                || op instanceof Permute || op instanceof Expand || op instanceof SumTo || op instanceof Sum
                || op instanceof Neg;
    }

    /**
     * The constant input gradients of entry {@code e} for the constant output gradient {@code g}
     * ({@code null} for an input that needs none or whose gradient is zero).
     */
    static Tensor[] inputGradients(Recording t, Handles handle, Entry e, double[] g, Tensor[] in) {
        double[][] gin = e.op.backward(e.call, g);
        Tensor[] out = new Tensor[in.length];
        if (gin == null || gin.length != in.length) {
            throw new IllegalStateException(String.format("%s: backward returned %s gradients for %s inputs",
                    e.op.name(), gin == null ? "null instead of" : gin.length, in.length));
        }
        for (int k = 0; k < in.length; k++) {
            double[] gk = gin[k];
            if (gk == null || !t.requiresGrad(e.inputs[k]) || allZero(gk)) {
                continue;
            }
            // The backward's array is new and is not read again: the constant takes it as it is.
            out[k] = handle.ownedConstant(in[k].shape(), gk);
        }
        return out;
    }

    private static boolean allZero(double[] v) {
        for (double x : v) {
            if (x != 0.0) {
                return false;
            }
        }
        return true;
    }
}
