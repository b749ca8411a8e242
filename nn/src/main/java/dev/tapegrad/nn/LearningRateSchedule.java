package dev.tapegrad.nn;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The learning rate for each epoch, from the optimizer's initial rate (PyTorch's
 * {@code torch.optim.lr_scheduler}, stepped once per epoch). A {@link Trainer} sets the rate before
 * every epoch; {@link Optimizer#setLearningRate} does the same by hand.
 *
 * <pre>{@code
 * Trainer.builder(net, adam, Loss::crossEntropy).schedule(LearningRateSchedule.cosine(100, 0).withWarmup(5))
 * }</pre>
 */
@FunctionalInterface
public interface LearningRateSchedule {
    /**
     * The learning rate for {@code epoch} (counting from 1), given the initial rate {@code base}; must
     * be finite and positive.
     */
    double rate(int epoch, double base);

    /** The initial rate in every epoch. */
    static LearningRateSchedule constant() {
        return (epoch, base) -> base;
    }

    /**
     * {@code base * gamma^floor((epoch - 1) / stepSize)}: multiplied by {@code gamma} every
     * {@code stepSize} epochs (PyTorch's {@code StepLR}).
     */
    static LearningRateSchedule step(int stepSize, double gamma) {
        checkArgument(stepSize > 0, "LearningRateSchedule.step: step size must be positive, got %s", stepSize);
        checkGamma("step", gamma);
        return (epoch, base) -> base * Math.pow(gamma, (epoch - 1) / stepSize);
    }

    /** {@code base * gamma^(epoch - 1)} (PyTorch's {@code ExponentialLR}). */
    static LearningRateSchedule exponential(double gamma) {
        checkGamma("exponential", gamma);
        return (epoch, base) -> base * Math.pow(gamma, epoch - 1);
    }

    /**
     * Cosine annealing from {@code base} towards {@code minRate} over {@code epochs} epochs (PyTorch's
     * {@code CosineAnnealingLR} with {@code T_max = epochs}):
     * {@code minRate + (base - minRate) (1 + cos(pi (epoch - 1) / epochs)) / 2}; later epochs keep the
     * rate of the last one.
     */
    static LearningRateSchedule cosine(int epochs, double minRate) {
        checkArgument(epochs > 0, "LearningRateSchedule.cosine: epochs must be positive, got %s", epochs);
        checkArgument(minRate >= 0 && Double.isFinite(minRate),
                "LearningRateSchedule.cosine: minimum rate must be finite and >= 0, got %s", minRate);
        return (epoch, base) -> {
            int e = Math.min(epoch, epochs) - 1;
            return minRate + (base - minRate) * (1 + Math.cos(Math.PI * e / epochs)) / 2;
        };
    }

    /**
     * A linear warm-up before this schedule: epoch {@code e <= warmupEpochs} uses
     * {@code base * e / warmupEpochs}; later epochs follow this schedule, counting from 1 again.
     */
    default LearningRateSchedule withWarmup(int warmupEpochs) {
        checkArgument(warmupEpochs > 0, "LearningRateSchedule.withWarmup: warm-up epochs must be positive, got %s",
                warmupEpochs);
        LearningRateSchedule after = this;
        return (epoch, base) -> epoch <= warmupEpochs ? base * epoch / warmupEpochs
                : after.rate(epoch - warmupEpochs, base);
    }

    private static void checkGamma(String name, double gamma) {
        checkArgument(gamma > 0 && gamma <= 1, "LearningRateSchedule.%s: gamma must be in (0, 1], got %s", name, gamma);
    }
}
