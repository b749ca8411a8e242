package dev.tapegrad.nn;

import dev.tapegrad.autograd.Gradients;
import java.util.List;

/**
 * Updates parameters from one backward pass's gradients (PyTorch's {@code torch.optim.Optimizer}).
 * Gradients are returned by {@code backward()} rather than stored on parameters, so there is no
 * {@code zero_grad}: each {@link #step(Gradients)} uses exactly the gradients it is given.
 */
public interface Optimizer {
    /**
     * Updates every parameter in place from {@code gradients}; a parameter that was not on their tape
     * has gradient zero. Does not modify {@code gradients}.
     */
    void step(Gradients gradients);

    /** The parameters this optimizer updates, in the order it was given them; unmodifiable. */
    List<Parameter> parameters();
}
