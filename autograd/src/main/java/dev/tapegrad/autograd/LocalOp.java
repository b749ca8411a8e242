package dev.tapegrad.autograd;

/**
 * One recorded node taken on its own: its forward at chosen input values and its backward for a
 * chosen output gradient, computed by the same code the tape uses. A scalar fast-path node is
 * replayed through the public {@link Scalar} methods on a small fresh tape and differentiated by
 * {@link Backward}; a general op's own {@link Op#forward} and {@link Op#backward} are called. Used by
 * the per-op gradient check and by anomaly detection to find which op's derivative misbehaves.
 * Never modifies the recorded tape.
 */
final class LocalOp {
    private final Tape tape;
    private final int node;
    private final byte code;
    private final Entry entry;

    LocalOp(Tape tape, int node) {
        this.tape = tape;
        this.node = node;
        this.code = tape.code[node];
        this.entry = tape.entryOf(node);
    }

    /** Whether the node is an op that can be replayed (not a leaf, and a known scalar op code). */
    boolean replayable() {
        if (TapeView.isLeaf(tape, node)) {
            return false;
        }
        if (entry != null) {
            return true;
        }
        try {
            Tape mini = new Tape();
            replay(mini, new double[][] {{1.0}, {1.0}});
            return true;
        } catch (IllegalStateException unknownCode) {
            return false;
        }
    }

    /** The recorded input values, one array per input (copies). */
    double[][] recordedInputs() {
        int[] ids = TapeView.inputs(tape, node);
        double[][] x = new double[ids.length][];
        for (int k = 0; k < ids.length; k++) {
            x[k] = tape.valuesOf(ids[k]).clone();
        }
        return x;
    }

    /** Whether input {@code k} gets a gradient from this node. */
    boolean needsGradient(int k) {
        return entry == null ? tape.requiresGrad(TapeView.inputs(tape, node)[k]) : entry.call.needsGradient(k);
    }

    /** The output values of this node's op at input values {@code x} (not modified). */
    double[] forward(double[][] x) {
        if (entry != null) {
            OpCall call = new OpCall(x, shapes(), needs(), entry.shape());
            return entry.op.forward(call);
        }
        Tape mini = new Tape();
        return new double[] {replay(mini, x).value()};
    }

    /**
     * The gradient with respect to each input given {@code gradOut}, the gradient of the output, at the
     * recorded input values; {@code null} for an input that gets none.
     */
    double[][] backward(double[] gradOut) {
        if (entry != null) {
            return entry.op.backward(entry.call, gradOut.clone());
        }
        double[][] x = recordedInputs();
        Tape mini = new Tape();
        Scalar y = replay(mini, x);
        Gradients g = Backward.run(mini, y.id, new double[] {gradOut[0]});
        double[][] out = new double[x.length][];
        for (int k = 0; k < x.length; k++) {
            out[k] = new double[] {g.of(new Scalar(mini, k))};
        }
        return out;
    }

    private Shape[] shapes() {
        Shape[] s = new Shape[entry.call.arity()];
        for (int k = 0; k < s.length; k++) {
            s[k] = entry.call.inputShape(k);
        }
        return s;
    }

    private boolean[] needs() {
        boolean[] n = new boolean[entry.call.arity()];
        for (int k = 0; k < n.length; k++) {
            n[k] = entry.call.needsGradient(k);
        }
        return n;
    }

    /** Re-records the scalar op on {@code mini} with variables holding {@code x}; nodes 0 (and 1) are the inputs. */
    private Scalar replay(Tape mini, double[][] x) {
        Scalar a = mini.scalar(x[0][0]);
        if ((code & Code.CONST_B) != 0) {
            double k = TapeView.constantOperand(tape, node);
            return switch (code & ~Code.CONST_B) {
                case Code.ADD -> a.add(k);
                case Code.SUB -> a.sub(k);
                case Code.MUL -> a.mul(k);
                case Code.DIV -> a.div(k);
                case Code.POW -> a.pow(k);
                default -> throw new IllegalStateException("unknown op code " + code);
            };
        }
        return switch (code) {
            case Code.ADD -> a.add(mini.scalar(x[1][0]));
            case Code.SUB -> a.sub(mini.scalar(x[1][0]));
            case Code.MUL -> a.mul(mini.scalar(x[1][0]));
            case Code.DIV -> a.div(mini.scalar(x[1][0]));
            case Code.POW -> a.pow(mini.scalar(x[1][0]));
            case Code.NEG -> a.neg();
            case Code.EXP -> a.exp();
            case Code.LOG -> a.log();
            case Code.SQRT -> a.sqrt();
            case Code.ABS -> a.abs();
            case Code.TANH -> a.tanh();
            case Code.SIGMOID -> a.sigmoid();
            case Code.RELU -> a.relu();
            case Code.SIN -> a.sin();
            case Code.COS -> a.cos();
            default -> throw new IllegalStateException("unknown op code " + code);
        };
    }
}
