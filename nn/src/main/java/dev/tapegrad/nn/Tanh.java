package dev.tapegrad.nn;

import dev.tapegrad.autograd.Tensor;
import java.util.Objects;

/**
 * Hyperbolic tangent, elementwise: {@code y = tanh x}; {@code dy/dx = 1 - y^2}.
 * A layer without parameters (PyTorch's {@code nn.Tanh}).
 */
public final class Tanh implements Layer {
    /** The layer; it holds no state, so one instance may be used anywhere. */
    public Tanh() {}

    /** Applies the function to every element of {@code x}; any shape. */
    @Override
    public Tensor forward(Tensor x) {
        return Objects.requireNonNull(x, "Tanh: input").tanh();
    }

    @Override
    public String toString() {
        return "Tanh()";
    }
}
