package dev.tapegrad.nn;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.Arrays;
import java.util.List;
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
     * bias), named as PyTorch's {@code named_parameters()} names them, such as {@code 0.weight}. The
     * list is unmodifiable and the same on every call; a layer without parameters returns an empty list.
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
