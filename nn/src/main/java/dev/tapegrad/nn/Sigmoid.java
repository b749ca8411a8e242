package dev.tapegrad.nn;

import dev.tapegrad.autograd.Tensor;
import java.util.Objects;

/**
 * Logistic sigmoid, elementwise: {@code y = 1 / (1 + e^-x)}; {@code dy/dx = y (1 - y)}.
 * A layer without parameters (PyTorch's {@code nn.Sigmoid}).
 */
public final class Sigmoid implements Layer {
    /** The layer; it holds no state, so one instance may be used anywhere. */
    public Sigmoid() {}

    /** Applies the function to every element of {@code x}; any shape. */
    @Override
    public Tensor forward(Tensor x) {
        return Objects.requireNonNull(x, "Sigmoid: input").sigmoid();
    }

    @Override
    public String toString() {
        return "Sigmoid()";
    }
}
