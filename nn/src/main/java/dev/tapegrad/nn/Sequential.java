package dev.tapegrad.nn;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Layers applied one after another (PyTorch's {@code nn.Sequential}). {@link #namedParameters()}
 * names the layers' parameters by position, as PyTorch does: the first layer's weight is
 * {@code 0.weight}, a nested sequential's {@code 1.0.weight}. The names are computed from this
 * container, never written into the parameters, so a layer may also serve in other containers and
 * a model put inside another keeps its own names (and its own checkpoints).
 */
public final class Sequential implements Layer {
    private final List<Layer> layers;
    private final List<Parameter> parameters;
    private final Map<String, Parameter> named;

    /**
     * The layers, in order.
     *
     * With no layers it is the identity, as an empty {@code nn.Sequential()} in PyTorch: a placeholder
     * that {@link #forward} passes its input through unchanged.
     *
     * @throws IllegalArgumentException if a parameter appears twice (the same layer added twice, or
     *     shared weights)
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
        Map<String, Parameter> names = new LinkedHashMap<>();
        for (int i = 0; i < this.layers.size(); i++) {
            for (Map.Entry<String, Parameter> e : this.layers.get(i).namedParameters().entrySet()) {
                Parameter p = e.getValue();
                checkArgument(seen.put(p, Boolean.TRUE) == null,
                        "Sequential: parameter '%s' of layer %s appears twice; add each layer once (no weight sharing)",
                        e.getKey(), i);
                all.add(p);
                names.put(i + "." + e.getKey(), p);
            }
        }
        this.parameters = Collections.unmodifiableList(all);
        this.named = Collections.unmodifiableMap(names);
    }

    /**
     * Feeds {@code x} through every layer in order; returns {@code x} itself when there are none. A
     * {@link Linear} followed by a {@link Sigmoid} is recorded as one op, {@code linearSigmoid}, with the
     * values and gradients of the two.
     */
    @Override
    public Tensor forward(Tensor x) {
        Objects.requireNonNull(x, "Sequential: input x");
        Tensor y = x;
        for (int i = 0, n = layers.size(); i < n; i++) {
            Layer layer = layers.get(i);
            // A Linear layer and the Sigmoid after it run as one op: the same values and gradients,
            // with one node and one array fewer on the tape.
            if (layer instanceof Linear linear && i + 1 < n && layers.get(i + 1) instanceof Sigmoid) {
                y = linear.forwardSigmoid(y);
                i++;
            } else {
                y = layer.forward(y);
            }
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

    /** Every layer's named parameters, layer by layer, each name prefixed with the layer's index and a dot. */
    @Override
    public Map<String, Parameter> namedParameters() {
        return named;
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
