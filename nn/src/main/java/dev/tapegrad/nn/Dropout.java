package dev.tapegrad.nn;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Tensor;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Dropout (PyTorch's {@code nn.Dropout}): in training mode each element is zeroed with probability
 * {@code p}, the mask drawn from the layer's generator, and the kept ones are scaled by
 * {@code 1 / (1 - p)} so that the expected output is the input; in evaluation mode it is the identity.
 * {@code y = x * m}, {@code dy/dx = m}, with {@code m} in {@code {0, 1 / (1 - p)}}.
 *
 * <p>A new layer is in training mode, as in PyTorch; {@code model.eval()} switches it off (a
 * {@link Trainer} evaluates in evaluation mode and trains in training mode, and leaves the model in
 * evaluation mode). The same generator seed gives the same masks.
 */
public final class Dropout implements Layer {
    private final double p;
    private final RandomGenerator rng;
    private boolean training = true;

    /**
     * Dropout with probability {@code p}, in [0, 1), drawing its masks from {@code rng}.
     *
     * @throws IllegalArgumentException if {@code p} is outside [0, 1)
     */
    public Dropout(double p, RandomGenerator rng) {
        checkArgument(p >= 0 && p < 1, "Dropout: p must be in [0, 1), got %s", p);
        this.p = p;
        this.rng = Objects.requireNonNull(rng, "Dropout: rng");
    }

    /** The probability of zeroing an element. */
    public double p() {
        return p;
    }

    /** Whether the layer is in training mode (dropping) rather than evaluation mode. */
    public boolean isTraining() {
        return training;
    }

    @Override
    public void setTraining(boolean training) {
        this.training = training;
    }

    /** In training mode {@code x * mask}, a new mask per call; in evaluation mode {@code x} itself. Does not modify {@code x}. */
    @Override
    public Tensor forward(Tensor x) {
        Objects.requireNonNull(x, "Dropout: x");
        if (!training || p == 0) {
            return x;
        }
        double keep = 1 / (1 - p);
        double[] mask = new double[x.shape().size()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = rng.nextDouble() < p ? 0 : keep;
        }
        return x.mul(x.tape().constant(x.shape(), mask));
    }

    @Override
    public String toString() {
        return "Dropout(p=" + p + ")";
    }
}
