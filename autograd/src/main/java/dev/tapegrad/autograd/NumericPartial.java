package dev.tapegrad.autograd;

import dev.tapegrad.autograd.kernel.Broadcast;

/**
 * A binary op's numeric partial derivative ({@code which} 0 for {@code df/da}, 1 for {@code df/db})
 * recorded as a node of the output's shape (inputs {@code a}, {@code b}, {@code y = f(a, b)}), for ops
 * that give no differentiable one: right at first order, and an error naming the op when it is
 * differentiated again.
 */
final class NumericPartial implements Op {
    private final BinaryOp op;
    private final int which;

    NumericPartial(BinaryOp op, int which) {
        this.op = op;
        this.which = which;
    }

    @Override
    public String name() {
        return op.name() + (which == 0 ? "'a" : "'b");
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 3);
        return inputs[2];
    }

    @Override
    public double[] forward(OpCall call) {
        Shape out = call.inputShape(2);
        int[] ia = Broadcast.indexMap(call.inputShape(0).dims(), out.dims());
        int[] ib = Broadcast.indexMap(call.inputShape(1).dims(), out.dims());
        double[] a = call.input(0);
        double[] b = call.input(1);
        double[] y = call.input(2);
        double[] d = new double[y.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = which == 0 ? op.partialA(a[ia[i]], b[ib[i]], y[i]) : op.partialB(a[ia[i]], b[ib[i]], y[i]);
        }
        return d;
    }

    @Override
    public double[][] backward(OpCall call, double[] gradOutput) {
        throw NumericGradient.notDifferentiable(op.name());
    }

    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor gradOutput) {
        throw NumericGradient.notDifferentiable(op.name());
    }
}
