package dev.tapegrad.nn;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A differentiable building block of a model (PyTorch's {@code nn.Module}; named {@code Layer} so that
 * it does not clash with {@code java.lang.Module} under a wildcard import).
 */
public interface Layer {
    /**
     * Applies the layer to {@code x}, recording on {@code x}'s tape. Accepts a batch {@code [N, features]}
     * and, where it makes sense, a single sample {@code [features]}. Does not modify {@code x} or the
     * parameters.
     */
    Tensor forward(Tensor x);

    /**
     * The layer's parameters in a stable order (for a {@link Sequential}: layer by layer, weight before
     * bias). The list is unmodifiable and the same on every call; a layer without parameters returns
     * an empty list.
     */
    default List<Parameter> parameters() {
        return List.of();
    }

    /**
     * Sets training mode (PyTorch's {@code module.train(mode)}): a {@link Dropout} drops units only in
     * training mode; a container passes the mode on to its layers. Layers that behave the same in both
     * modes ignore it.
     */
    default void setTraining(boolean training) {}

    /** Training mode, {@code setTraining(true)} (PyTorch's {@code model.train()}); returns this layer. */
    default Layer train() {
        setTraining(true);
        return this;
    }

    /** Evaluation mode, {@code setTraining(false)} (PyTorch's {@code model.eval()}); returns this layer. */
    default Layer eval() {
        setTraining(false);
        return this;
    }

    /**
     * The parameters under their names in this layer, in {@link #parameters()} order, as PyTorch's
     * {@code named_parameters()} gives them: computed from the structure, so a container qualifies
     * its layers' names by position ({@code 0.weight}, {@code 1.0.bias}) without renaming anything.
     * By default each parameter's own {@link Parameter#name()}; a layer that holds other layers
     * overrides this to qualify their names. Unmodifiable.
     *
     * @throws IllegalArgumentException if two parameters would get the same name
     */
    default Map<String, Parameter> namedParameters() {
        Map<String, Parameter> named = new LinkedHashMap<>();
        for (Parameter p : parameters()) {
            checkArgument(named.put(p.name(), p) == null, "namedParameters: layer %s has two parameters named '%s'; "
                    + "give them different names, or override namedParameters() to qualify them", this, p.name());
        }
        return Collections.unmodifiableMap(named);
    }

    /**
     * The layer's outputs for these input rows, one output row per input row: {@link #forward(Tensor)}
     * on a fresh tape with the rows as a constant batch {@code [N, features]}. Changes neither the rows
     * nor the parameters.
     *
     * @throws IllegalArgumentException if there are no rows or they differ in length
     */
    default double[][] predict(double[][] rows) {
        Objects.requireNonNull(rows, "predict: rows");
        checkArgument(rows.length > 0, "predict: no input rows");
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null) {
                throw new NullPointerException("predict: row " + i + " is null");
            }
        }
        int w = rows[0].length;
        double[] flat = new double[rows.length * w];
        for (int i = 0; i < rows.length; i++) {
            checkArgument(rows[i].length == w, "predict: row %s has %s values, row 0 has %s", i, rows[i].length, w);
            System.arraycopy(rows[i], 0, flat, i * w, w);
        }
        Tensor out = forward(new Tape().constant(Shape.of(rows.length, w), flat));
        double[] v = out.values();
        int ow = v.length / rows.length;
        double[][] result = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            result[i] = Arrays.copyOfRange(v, i * ow, (i + 1) * ow);
        }
        return result;
    }
}
