package dev.tapegrad.nn;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Multi-layer perceptrons: a {@link Sequential} of {@link Linear} layers, each followed by an
 * activation, as PyTorch lays it out ({@code Linear, act, Linear, act, ...}), so the parameters are
 * named ({@link Layer#namedParameters()}) {@code 0.weight}, {@code 0.bias}, {@code 2.weight}, ...
 */
public final class Mlp {
    private Mlp() {}

    /**
     * The seeds' network: a sigmoid after every layer including the output, PyTorch's default
     * initialisation drawn from {@code rng} layer by layer. {@code Mlp.sigmoid(rng, 3, 4, 1)} is
     * {@code Sequential(Linear(3, 4), Sigmoid(), Linear(4, 1), Sigmoid())}.
     *
     * @param sizes the input size, then each layer's output size (at least two sizes)
     */
    public static Sequential sigmoid(RandomGenerator rng, int... sizes) {
        return builder(sizes).build(rng);
    }

    /**
     * A builder for an MLP with these sizes (input size, then each layer's output size); by default
     * sigmoid after every layer, including the output, and PyTorch's default initialisation.
     */
    public static Builder builder(int... sizes) {
        return new Builder(sizes);
    }

    /** Chooses activations and initialisation; {@link #build(RandomGenerator)} makes the network. */
    public static final class Builder {
        private final int[] sizes;
        private Supplier<? extends Layer> hidden = Sigmoid::new;
        private Supplier<? extends Layer> output = Sigmoid::new;
        private Init weightInit = Init.pytorchDefault();
        private Init biasInit = Init.pytorchDefault();

        private Builder(int[] sizes) {
            Objects.requireNonNull(sizes, "Mlp: sizes");
            checkArgument(sizes.length >= 2, "Mlp: needs an input size and at least one layer size, got %s sizes",
                    sizes.length);
            for (int i = 0; i < sizes.length; i++) {
                checkArgument(sizes[i] > 0, "Mlp: size %s is %s; every size must be positive", i, sizes[i]);
            }
            this.sizes = sizes.clone();
        }

        /** The activation after each hidden layer, such as {@code Tanh::new}; a new layer per use. */
        public Builder hidden(Supplier<? extends Layer> activation) {
            this.hidden = Objects.requireNonNull(activation, "Mlp: hidden activation");
            return this;
        }

        /** The activation after the output layer, such as {@code Sigmoid::new}. */
        public Builder output(Supplier<? extends Layer> activation) {
            this.output = Objects.requireNonNull(activation, "Mlp: output activation");
            return this;
        }

        /** No activation after the output layer: the network returns logits or raw values. */
        public Builder linearOutput() {
            this.output = null;
            return this;
        }

        /** The initialisers for every layer's weight and bias. */
        public Builder init(Init weight, Init bias) {
            this.weightInit = Objects.requireNonNull(weight, "Mlp: weight init");
            this.biasInit = Objects.requireNonNull(bias, "Mlp: bias init");
            return this;
        }

        /** The network, its parameters drawn from {@code rng} layer by layer, weight before bias. */
        public Sequential build(RandomGenerator rng) {
            Objects.requireNonNull(rng, "Mlp: rng");
            List<Layer> layers = new ArrayList<>();
            for (int i = 0; i + 1 < sizes.length; i++) {
                layers.add(new Linear(sizes[i], sizes[i + 1], rng, weightInit, biasInit));
                boolean last = i + 2 == sizes.length;
                Supplier<? extends Layer> act = last ? output : hidden;
                if (act != null) {
                    layers.add(Objects.requireNonNull(act.get(), "Mlp: activation supplier returned null"));
                }
            }
            return new Sequential(layers);
        }
    }
}
