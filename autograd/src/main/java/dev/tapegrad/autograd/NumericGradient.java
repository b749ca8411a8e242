package dev.tapegrad.autograd;

/**
 * A custom op's numeric backward recorded as a node: input {@code k}'s gradient as a function of the
 * output gradient, the op's inputs and its output. It makes a custom op with only
 * {@link Op#backward(OpCall, double[])} usable by differentiation that records its result, at first
 * order; its own derivative is unknown, so differentiating through it throws, naming the op, instead
 * of returning a silent zero.
 */
final class NumericGradient implements Op {
    private final Op op;
    private final int k;

    private NumericGradient(Op op, int k) {
        this.op = op;
        this.k = k;
    }

    /** The gradient nodes of {@code op}'s inputs, one {@code NumericGradient} node per input that needs one. */
    static Tensor[] vjp(Op op, Tensor[] inputs, Tensor output, Tensor gradOutput) {
        Node[] args = new Node[inputs.length + 2];
        args[0] = gradOutput;
        System.arraycopy(inputs, 0, args, 1, inputs.length);
        args[inputs.length + 1] = output;
        Tensor[] g = new Tensor[inputs.length];
        for (int q = 0; q < inputs.length; q++) {
            if (inputs[q].requiresGrad()) {
                g[q] = new NumericGradient(op, q).apply(args).asTensor();
            }
        }
        return g;
    }

    /** The error for differentiating a derivative that is known only as numbers. */
    static NotDifferentiableException notDifferentiable(String op) {
        return new NotDifferentiableException(op);
    }

    @Override
    public String name() {
        return op.name() + ".backward";
    }

    @Override
    public Shape outputShape(Shape... inputs) {
        return inputs[1 + k];
    }

    @Override
    public double[] forward(OpCall call) {
        int n = call.arity() - 2;
        double[][] x = new double[n][];
        Shape[] shapes = new Shape[n];
        boolean[] needs = new boolean[n];
        for (int q = 0; q < n; q++) {
            x[q] = call.input(1 + q);
            shapes[q] = call.inputShape(1 + q);
        }
        needs[k] = true;
        OpCall inner = new OpCall(x, shapes, needs, call.inputShape(n + 1));
        inner.setOutput(call.input(n + 1));
        double[][] g = op.backward(inner, call.input(0));
        if (g == null || g.length != n) {
            throw new IllegalStateException(String.format("%s: backward returned %s gradients for %s inputs",
                    op.name(), g == null ? "null instead of" : g.length, n));
        }
        double[] gk = g[k] == null ? new double[x[k].length] : g[k].clone();
        if (gk.length != x[k].length) {
            throw new IllegalStateException(String.format("%s: backward returned %s values for input %s of shape %s",
                    op.name(), gk.length, k, shapes[k]));
        }
        return gk;
    }

    @Override
    public double[][] backward(OpCall call, double[] gradOutput) {
        throw notDifferentiable(op.name());
    }

    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor gradOutput) {
        throw notDifferentiable(op.name());
    }

    @Override
    public String toString() {
        return name() + "[" + k + "]";
    }
}
