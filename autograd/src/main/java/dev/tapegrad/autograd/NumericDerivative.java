package dev.tapegrad.autograd;

/**
 * An elementwise op's numeric derivative {@code f'(x)} recorded as a node (inputs {@code x} and
 * {@code y = f(x)}), for ops that give no differentiable one: right at first order, and an error naming
 * the op when it is differentiated again.
 */
final class NumericDerivative implements Op {
    private final UnaryOp op;

    NumericDerivative(UnaryOp op) {
        this.op = op;
    }

    @Override
    public String name() {
        return op.name() + "'";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        Op.checkArity(this, inputs, 2);
        return inputs[0];
    }

    @Override
    public double[] forward(OpCall call) {
        double[] x = call.input(0);
        double[] y = call.input(1);
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = op.derivative(x[i], y[i]);
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
