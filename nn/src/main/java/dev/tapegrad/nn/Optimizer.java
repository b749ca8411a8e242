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

    /**
     * The learning rate the next step uses.
     *
     * @throws UnsupportedOperationException if this optimizer has no single learning rate
     */
    default double learningRate() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no learning rate to read");
    }

    /**
     * Sets the learning rate for the following steps, keeping all other state (momentum, moments): what
     * a {@link dev.tapegrad.nn.LearningRateSchedule} does between epochs.
     *
     * @throws IllegalArgumentException unless {@code lr} is finite and positive
     * @throws UnsupportedOperationException if this optimizer has no single learning rate
     */
    default void setLearningRate(double lr) {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + " has no learning rate to set, so it cannot follow a learning-rate schedule");
    }
}
