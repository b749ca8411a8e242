package dev.tapegrad.nn;

import dev.tapegrad.autograd.Tensor;
import java.util.Objects;

/**
 * Rectified linear unit, elementwise: {@code y = max(0, x)}; {@code dy/dx = 1} for {@code x > 0}, else 0.
 * A layer without parameters (PyTorch's {@code nn.ReLU}).
 */
public final class ReLU implements Layer {
    /** The layer; it holds no state, so one instance may be used anywhere. */
    public ReLU() {}

    /** Applies the function to every element of {@code x}; any shape. */
    @Override
    public Tensor forward(Tensor x) {
        return Objects.requireNonNull(x, "ReLU: input").relu();
    }

    @Override
    public String toString() {
        return "ReLU()";
    }
}
