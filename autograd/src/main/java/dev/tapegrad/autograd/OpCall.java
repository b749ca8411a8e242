package dev.tapegrad.autograd;

/**
 * One application of an {@link Op}: its inputs' values and shapes, the output shape and, once the
 * forward has run, the output values. The arrays are the tape's own and are shared, not copied: an
 * op reads them and never writes to them.
 */
public final class OpCall {
    private final double[][] inputs;
    private final Shape[] shapes;
    private final boolean[] needsGradient;
    private final Shape outputShape;
    private double[] output;

    OpCall(double[][] inputs, Shape[] shapes, boolean[] needsGradient, Shape outputShape) {
        this.inputs = inputs;
        this.shapes = shapes;
        this.needsGradient = needsGradient;
        this.outputShape = outputShape;
    }

    /** The number of inputs. */
    public int arity() {
        return inputs.length;
    }

    /** Input {@code k}'s values, row-major; read only. */
    public double[] input(int k) {
        return inputs[k];
    }

    /** Input {@code k}'s shape. */
    public Shape inputShape(int k) {
        return shapes[k];
    }

    /** The output's shape, as returned by {@link Op#outputShape(Shape...)}. */
    public Shape outputShape() {
        return outputShape;
    }

    /** The output's values, row-major; read only; {@code null} while the forward runs. */
    public double[] output() {
        return output;
    }

    /**
     * Whether input {@code k} needs a gradient (it depends on a variable). A backward may return
     * {@code null} for an input that does not, and skip computing it.
     */
    public boolean needsGradient(int k) {
        return needsGradient[k];
    }

    void setOutput(double[] output) {
        this.output = output;
    }
}
