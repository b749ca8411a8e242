package dev.tapegrad.nn;

import dev.tapegrad.autograd.Tensor;
import java.util.List;

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
}
