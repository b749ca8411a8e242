package dev.tapegrad.nn;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.ops.AffineSigmoid;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A fully connected layer, {@code y = x W^T + b} (PyTorch's {@code nn.Linear}): weight {@code [out, in]}
 * and bias {@code [out]}, laid out as PyTorch lays them out so that checkpoints carry over unchanged.
 *
 * <p>Gradients: {@code dL/dW = (dL/dy)^T x}, {@code dL/db = sum over the batch of dL/dy},
 * {@code dL/dx = (dL/dy) W}. The forward is one fused op on the tape (named {@code linear}), not a
 * transpose, a product and a broadcast add.
 */
public final class Linear implements Layer {
    private final int inFeatures;
    private final int outFeatures;
    private final Parameter weight;
    private final Parameter bias;
    private final List<Parameter> parameters;

    /**
     * A layer with PyTorch's default initialisation: weight, then bias, each drawn from
     * {@code U(-1/sqrt(in), 1/sqrt(in))}, in that order, from {@code rng}. There is no constructor
     * without a generator: Tapegrad keeps no global random state, so one would give every layer of a
     * size the same weights. Pass one generator to all of a model's layers.
     */
    public Linear(int inFeatures, int outFeatures, RandomGenerator rng) {
        this(inFeatures, outFeatures, rng, Init.pytorchDefault(), Init.pytorchDefault());
    }

    /**
     * A layer whose weight and then bias are drawn from {@code rng} by the given initialisers (fan-in
     * {@code in}, fan-out {@code out}).
     */
    public Linear(int inFeatures, int outFeatures, RandomGenerator rng, Init weightInit, Init biasInit) {
        checkArgument(inFeatures > 0 && outFeatures > 0, "Linear: in and out features must be positive, got %s and %s",
                inFeatures, outFeatures);
        Objects.requireNonNull(rng, "Linear: rng");
        Objects.requireNonNull(weightInit, "Linear: weightInit");
        Objects.requireNonNull(biasInit, "Linear: biasInit");
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.weight = new Parameter("weight", Shape.of(outFeatures, inFeatures),
                weightInit.sample(outFeatures * inFeatures, inFeatures, outFeatures, rng));
        this.bias = new Parameter("bias", Shape.of(outFeatures),
                biasInit.sample(outFeatures, inFeatures, outFeatures, rng));
        this.parameters = List.of(weight, bias);
    }

    /**
     * A layer with these weights: {@code weight[o][i]} is row {@code o} of the {@code [out, in]} weight.
     * Copies both arrays.
     *
     * @throws IllegalArgumentException if the rows are ragged or the bias length is not the row count
     */
    public static Linear of(double[][] weight, double[] bias) {
        Objects.requireNonNull(weight, "Linear.of: weight");
        Objects.requireNonNull(bias, "Linear.of: bias");
        for (int o = 0; o < weight.length; o++) {
            if (weight[o] == null) {
                throw new NullPointerException("Linear.of: weight row " + o + " is null");
            }
        }
        checkArgument(weight.length > 0 && weight[0].length > 0, "Linear.of: weight must be non-empty");
        int out = weight.length;
        int in = weight[0].length;
        checkArgument(bias.length == out, "Linear.of: weight has %s rows but bias has %s values", out, bias.length);
        double[] w = new double[out * in];
        for (int o = 0; o < out; o++) {
            checkArgument(weight[o].length == in, "Linear.of: weight row %s has %s values, row 0 has %s",
                    o, weight[o].length, in);
            System.arraycopy(weight[o], 0, w, o * in, in);
        }
        return new Linear(in, out, w, bias);
    }

    private Linear(int in, int out, double[] w, double[] b) {
        this.inFeatures = in;
        this.outFeatures = out;
        this.weight = new Parameter("weight", Shape.of(out, in), w);
        this.bias = new Parameter("bias", Shape.of(out), b);
        this.parameters = List.of(weight, bias);
    }

    /** The number of input features. */
    public int inFeatures() {
        return inFeatures;
    }

    /** The number of output features. */
    public int outFeatures() {
        return outFeatures;
    }

    /** The weight, {@code [out, in]}. */
    public Parameter weight() {
        return weight;
    }

    /** The bias, {@code [out]}. */
    public Parameter bias() {
        return bias;
    }

    /**
     * {@code x W^T + b} over the last axis, as PyTorch's {@code nn.Linear}: input {@code [*, in]} gives
     * {@code [*, out]}, so a single sample {@code [in]} gives {@code [out]}, a batch {@code [N, in]} gives
     * {@code [N, out]}, and any leading batch dimensions ({@code [B, T, in]}) are kept. Inputs of rank 3
     * or more are reshaped to {@code [B * T, in]} for the fused op and back, so gradients flow through
     * the reshapes unchanged. Does not modify {@code x}.
     *
     * @throws IllegalArgumentException if {@code x} is a scalar or its last dimension is not {@code in}
     */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, false);
    }

    /**
     * {@code sigmoid(forward(x))} as one op on the tape (see {@link AffineSigmoid}): for {@link Sequential},
     * where this layer is followed by a {@link Sigmoid}. The same values and gradients, bit for bit.
     */
    Tensor forwardSigmoid(Tensor x) {
        return forward(x, true);
    }

    private Tensor forward(Tensor x, boolean sigmoid) {
        Objects.requireNonNull(x, "Linear: input");
        Shape s = x.shape();
        int rank = s.rank();
        if (rank < 1 || s.dim(rank - 1) != inFeatures) { // not checkArgument: its varargs allocate per call
            throw new IllegalArgumentException(String.format("%s: input of shape %s; expected [*, %s]: [%s] (one "
                    + "sample), [N, %s] (a batch) or more leading batch dimensions", this, s, inFeatures, inFeatures,
                    inFeatures));
        }
        if (rank <= 2) {
            return affine(x, sigmoid);
        }
        int[] dims = s.dims();
        int rows = s.size() / inFeatures;
        dims[dims.length - 1] = outFeatures;
        return affine(x.reshape(rows, inFeatures), sigmoid).reshape(dims);
    }

    private Tensor affine(Tensor x, boolean sigmoid) {
        Tensor w = weight.on(x.tape());
        Tensor b = bias.on(x.tape());
        return sigmoid ? (Tensor) AffineSigmoid.INSTANCE.apply(x, w, b) : x.linear(w, b);
    }

    /** Weight then bias. */
    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return "Linear(in_features=" + inFeatures + ", out_features=" + outFeatures + ")";
    }
}
