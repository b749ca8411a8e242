package dev.tapegrad.spark;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.nn.Adam;
import dev.tapegrad.nn.Optimizer;
import dev.tapegrad.nn.Parameter;
import dev.tapegrad.nn.Sgd;
import java.io.Serializable;
import java.util.List;

/**
 * An optimizer and its settings as serialisable values, built into a Tapegrad {@link Optimizer} where
 * the training runs.
 *
 * @param name {@code sgd} or {@code adam}
 * @param learningRate the learning rate
 * @param momentum SGD's momentum (0 for none); ignored by Adam
 * @param beta1 Adam's first-moment decay; ignored by SGD
 * @param beta2 Adam's second-moment decay; ignored by SGD
 */
public record OptimizerSpec(String name, double learningRate, double momentum, double beta1, double beta2)
        implements Serializable {
    static final List<String> NAMES = List.of("sgd", "adam");

    /**
     * Checks the name; the optimizer's own builder checks the values when {@link #create} runs.
     *
     * @throws IllegalArgumentException if the name is not {@code sgd} or {@code adam}
     */
    public OptimizerSpec {
        checkArgument(NAMES.contains(name), "OptimizerSpec: optimizer must be one of %s, got '%s'", NAMES, name);
    }

    /** Plain SGD. */
    public static OptimizerSpec sgd(double learningRate) {
        return new OptimizerSpec("sgd", learningRate, 0, 0.9, 0.999);
    }

    /** Adam with PyTorch's betas. */
    public static OptimizerSpec adam(double learningRate) {
        return new OptimizerSpec("adam", learningRate, 0, 0.9, 0.999);
    }

    /** The optimizer over {@code parameters}. */
    public Optimizer create(List<Parameter> parameters) {
        return name.equals("adam")
                ? Adam.builder(parameters).learningRate(learningRate).betas(beta1, beta2).build()
                : Sgd.builder(parameters).learningRate(learningRate).momentum(momentum).build();
    }
}
