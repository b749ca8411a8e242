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
