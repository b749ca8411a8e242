package dev.tapegrad.nn;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Layers applied one after another (PyTorch's {@code nn.Sequential}). Building one names the layers'
 * parameters by position, as PyTorch does: the first layer's weight becomes {@code 0.weight}, a nested
 * sequential's {@code 1.0.weight}. A layer therefore belongs to one container.
 */
public final class Sequential implements Layer {
    private final List<Layer> layers;
    private final List<Parameter> parameters;

    /**
     * The layers, in order; qualifies their parameters' names with each layer's index.
     *
     * With no layers it is the identity, as an empty {@code nn.Sequential()} in PyTorch: a placeholder
     * that {@link #forward} passes its input through unchanged.
     *
     * @throws IllegalArgumentException if a parameter appears twice, or a layer already belongs to
     *     another container (then no name changes)
     */
    public Sequential(Layer... layers) {
        this(Arrays.asList(Objects.requireNonNull(layers, "Sequential: layers")));
    }

    /** As {@link #Sequential(Layer...)}. */
    public Sequential(List<? extends Layer> layers) {
        Objects.requireNonNull(layers, "Sequential: layers");
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) == null) {
                throw new NullPointerException("Sequential: layer " + i + " is null");
            }
        }
        this.layers = List.copyOf(layers);
        Map<Parameter, Boolean> seen = new IdentityHashMap<>();
        List<Parameter> all = new ArrayList<>();
        for (int i = 0; i < this.layers.size(); i++) {
            Layer layer = this.layers.get(i);
            for (Parameter p : layer.parameters()) {
                checkArgument(seen.put(p, Boolean.TRUE) == null,
                        "Sequential: parameter '%s' appears twice; add each layer once (no weight sharing)", p.name());
                checkArgument(p.adoptableVia(layer), "Sequential: layer %s (parameter '%s') already belongs to another "
                        + "container; a layer goes into one container only (build a new one instead)", i, p.name());
                all.add(p);
            }
        }
        for (int i = 0; i < this.layers.size(); i++) {
            Layer child = this.layers.get(i);
            for (Parameter p : child.parameters()) {
                p.adopt(this, child, i + ".");
            }
        }
        this.parameters = Collections.unmodifiableList(all);
    }

    /** Feeds {@code x} through every layer in order; returns {@code x} itself when there are none. */
    @Override
    public Tensor forward(Tensor x) {
        Tensor y = x;
        for (int i = 0, n = layers.size(); i < n; i++) {
            y = layers.get(i).forward(y);
        }
        return y;
    }

    /** Passes the mode on to every layer. */
    @Override
    public void setTraining(boolean training) {
        for (Layer layer : layers) {
            layer.setTraining(training);
        }
    }

    /** Every layer's parameters, layer by layer. */
    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The layers, in order; unmodifiable. */
    public List<Layer> layers() {
        return layers;
    }

    /** Layer {@code i}. */
    public Layer get(int i) {
        return layers.get(i);
    }

    /** The number of layers. */
    public int size() {
        return layers.size();
    }

    @Override
    public String toString() {
        if (layers.isEmpty()) {
            return "Sequential()";
        }
        StringBuilder sb = new StringBuilder("Sequential(");
        for (int i = 0; i < layers.size(); i++) {
            sb.append("\n  (").append(i).append("): ").append(layers.get(i));
        }
        return sb.append("\n)").toString();
    }
}
