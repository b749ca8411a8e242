package dev.tapegrad.nn;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Tensor;

/**
 * A loss of a prediction against a target of the same shape, such as {@code Loss::mse},
 * {@code Loss::bce}, {@code Loss::bceWithLogits} or {@code Loss::crossEntropy} (with class
 * probabilities); what a {@link Trainer} minimises.
 */
@FunctionalInterface
public interface LossFunction {
    /** The loss, recorded on the prediction's tape. Modifies neither tensor. */
    Scalar apply(Tensor prediction, Tensor target);
}
