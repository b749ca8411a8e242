package dev.tapegrad.examples.newton;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.nn.Parameter;
import dev.tapegrad.nn.Sequential;
import java.util.List;
import java.util.Objects;

/**
 * A multi-layer perceptron whose parameters are one flat vector, so that second-order methods can
 * differentiate with respect to all of them at once ({@code Functional.hvp(f, p, v)} needs one
 * tensor {@code p}). The layout is nn's {@code Mlp}'s: layer by layer, the {@code [out, in]} weight
 * row-major, then the {@code [out]} bias, so {@link #flatten(Sequential)} of an {@code Mlp} gives the
 * same network. Each layer is {@code Tensor.linear} (the op nn's {@code Linear} records) followed by
 * a sigmoid, except after the output layer when {@code sigmoidOutput} is false.
 */
public final class FlatMlp {
    private final int[] sizes;
    private final boolean sigmoidOutput;
    private final int size;

    /**
     * A layout for these sizes: the input size, then each layer's output size.
     *
     * @param sigmoidOutput whether a sigmoid follows the output layer too (nn's {@code Mlp.sigmoid})
     */
    public FlatMlp(boolean sigmoidOutput, int... sizes) {
        Objects.requireNonNull(sizes, "FlatMlp: sizes");
        checkArgument(sizes.length >= 2, "FlatMlp: needs an input size and at least one layer size, got %s",
                sizes.length);
        int n = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            checkArgument(sizes[l] > 0 && sizes[l + 1] > 0, "FlatMlp: sizes must be positive, got %s at %s",
                    Math.min(sizes[l], sizes[l + 1]), sizes[l] > 0 ? l + 1 : l);
            n += sizes[l + 1] * (sizes[l] + 1);
        }
        this.sizes = sizes.clone();
        this.sigmoidOutput = sigmoidOutput;
        this.size = n;
    }

    /** The number of parameters, the length of the flat vector. */
    public int size() {
        return size;
    }

    /**
     * The network's output for the batch {@code x [N, in]} with parameters {@code p [size()]}, recorded on
     * their tape: slices of {@code p} reshaped into each layer's weight and bias. Modifies neither.
     *
     * @throws IllegalArgumentException if {@code p} or {@code x} does not fit the layout
     */
    public Tensor forward(Tensor p, Tensor x) {
        checkArgument(p.shape().equals(Shape.of(size)), "FlatMlp.forward: parameters of shape %s, expected [%s]",
                p.shape(), size);
        checkArgument(x.shape().rank() == 2 && x.shape().dim(1) == sizes[0],
                "FlatMlp.forward: input of shape %s, expected [N, %s]", x.shape(), sizes[0]);
        Tensor h = x;
        int at = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            Tensor w = p.slice(0, at, at + out * in).reshape(out, in);
            at += out * in;
            Tensor b = p.slice(0, at, at + out);
            at += out;
            h = h.linear(w, b);
            if (sigmoidOutput || l + 2 < sizes.length) {
                h = h.sigmoid();
            }
        }
        return h;
    }

    /**
     * The outputs of {@code K} networks at once, transposed: {@code [K, out, N]}. Row {@code k} of
     * {@code p [K, size()]} holds network {@code k}'s parameters, and every network sees the same batch,
     * given transposed as {@code xt [in, N]}. Activations are carried transposed ({@code h' = W h + b})
     * so that the {@code [out, in]} weights are used as they lie, without a transpose. Each output depends
     * on its own row of {@code p} only, which is what {@link BatchedHessian} needs. Modifies neither.
     *
     * @throws IllegalArgumentException if {@code p} or {@code xt} does not fit the layout
     */
    public Tensor forwardRows(Tensor p, Tensor xt) {
        checkArgument(p.shape().rank() == 2 && p.shape().dim(1) == size,
                "FlatMlp.forwardRows: parameters of shape %s, expected [K, %s]", p.shape(), size);
        checkArgument(xt.shape().rank() == 2 && xt.shape().dim(0) == sizes[0],
                "FlatMlp.forwardRows: transposed input of shape %s, expected [%s, N]", xt.shape(), sizes[0]);
        int k = p.shape().dim(0);
        Tensor h = xt;
        int at = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            Tensor w = p.slice(1, at, at + out * in).reshape(k, out, in);
            at += out * in;
            Tensor b = p.slice(1, at, at + out).reshape(k, out, 1);
            at += out;
            h = w.matmul(h).add(b);
            if (sigmoidOutput || l + 2 < sizes.length) {
                h = h.sigmoid();
            }
        }
        return h;
    }

    /** The parameters of {@code net}, in order, concatenated into one array: the layout's flat vector. */
    public static double[] flatten(Sequential net) {
        List<Parameter> ps = net.parameters();
        int n = 0;
        for (Parameter q : ps) {
            n += q.size();
        }
        double[] flat = new double[n];
        int at = 0;
        for (Parameter q : ps) {
            System.arraycopy(q.values(), 0, flat, at, q.size());
            at += q.size();
        }
        return flat;
    }
}
