package dev.tapegrad.spark;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.nn.Init;
import dev.tapegrad.nn.Layer;
import dev.tapegrad.nn.Mlp;
import dev.tapegrad.nn.ReLU;
import dev.tapegrad.nn.Sequential;
import dev.tapegrad.nn.Sigmoid;
import dev.tapegrad.nn.Tanh;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A multi-layer perceptron described by a few serialisable values: the layer sizes, the hidden and
 * output activations, the initialisation and the seed its weights are drawn from
 * ({@code new SplittableRandom(seed)}, layer by layer as {@link Mlp} draws them).
 *
 * @param sizes the input size, then each layer's output size
 * @param hidden the hidden activation: {@code sigmoid}, {@code tanh} or {@code relu}
 * @param output the output activation: {@code sigmoid} or {@code none} (logits)
 * @param init {@code default} (PyTorch's), {@code xavier} (Glorot uniform) or {@code kaiming}
 * @param seed the seed of the initial weights
 */
public record ModelSpec(int[] sizes, String hidden, String output, String init, long seed) implements ModelFactory {
    static final List<String> HIDDEN = List.of("sigmoid", "tanh", "relu");
    static final List<String> OUTPUT = List.of("sigmoid", "none");
    static final List<String> INITS = List.of("default", "xavier", "kaiming");

    /**
     * Checks and copies the values.
     *
     * @throws IllegalArgumentException naming the value that is not one of the choices
     */
    public ModelSpec {
        Objects.requireNonNull(sizes, "ModelSpec: sizes");
        checkArgument(sizes.length >= 2, "ModelSpec: needs an input size and at least one layer size, got %s",
                Arrays.toString(sizes));
        sizes = sizes.clone();
        checkArgument(HIDDEN.contains(hidden), "ModelSpec: hidden activation must be one of %s, got '%s'", HIDDEN,
                hidden);
        checkArgument(OUTPUT.contains(output), "ModelSpec: output activation must be one of %s, got '%s'", OUTPUT,
                output);
        checkArgument(INITS.contains(init), "ModelSpec: init must be one of %s, got '%s'", INITS, init);
    }

    /** A sigmoid network with PyTorch's initialisation, as the bits-parity recipe uses. */
    public static ModelSpec sigmoid(long seed, int... sizes) {
        return new ModelSpec(sizes, "sigmoid", "sigmoid", "default", seed);
    }

    /** The sizes as {@code 5-40-1}. */
    public String layout() {
        return Arrays.stream(sizes).mapToObj(Integer::toString).collect(Collectors.joining("-"));
    }

    /** The input size, then each layer's output size; a copy. */
    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    /** A new network as specified, its weights drawn from {@code new SplittableRandom(seed)}. */
    @Override
    public Sequential create() {
        Mlp.Builder b = Mlp.builder(sizes).hidden(activation(hidden));
        if (output.equals("none")) {
            b.linearOutput();
        } else {
            b.output(Sigmoid::new);
        }
        Init w = switch (init) {
            case "xavier" -> Init.xavierUniform();
            case "kaiming" -> Init.kaimingUniform();
            default -> Init.pytorchDefault();
        };
        Init bias = init.equals("default") ? Init.pytorchDefault() : Init.zeros();
        return b.init(w, bias).build(new SplittableRandom(seed));
    }

    private static Supplier<? extends Layer> activation(String name) {
        return switch (name) {
            case "tanh" -> Tanh::new;
            case "relu" -> ReLU::new;
            default -> Sigmoid::new;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelSpec m && Arrays.equals(sizes, m.sizes) && hidden.equals(m.hidden)
                && output.equals(m.output) && init.equals(m.init) && seed == m.seed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(sizes), hidden, output, init, seed);
    }

    @Override
    public String toString() {
        return "ModelSpec[" + layout() + ", hidden " + hidden + ", output " + output + ", init " + init + ", seed "
                + seed + "]";
    }
}
