package dev.tapegrad.nn;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How a parameter's initial values are drawn (PyTorch's {@code torch.nn.init}). An initialiser fills
 * {@code n} values from the layer's fan-in and fan-out, drawing from the generator it is given in
 * row-major order, so the same generator state gives the same values bit for bit.
 *
 * <p>For a {@link Linear} layer with weight {@code [out, in]}, fan-in is {@code in} and fan-out is
 * {@code out}, for the weight and for the bias alike.
 */
@FunctionalInterface
public interface Init {
    /**
     * Draws {@code n} initial values. Consumes values from {@code rng}; modifies nothing else.
     *
     * @param n the number of values
     * @param fanIn the number of inputs of the layer the values belong to
     * @param fanOut the number of outputs of that layer
     * @param rng the source of randomness
     */
    double[] sample(int n, int fanIn, int fanOut, RandomGenerator rng);

    /** PyTorch's default for {@code nn.Linear} weight and bias: {@code U(-1/sqrt(fanIn), 1/sqrt(fanIn))}. */
    static Init pytorchDefault() {
        return (n, fanIn, fanOut, rng) -> {
            checkArgument(fanIn > 0, "init: fan-in must be positive, got %s", fanIn);
            double bound = 1.0 / Math.sqrt(fanIn);
            return fillUniform(n, -bound, bound, rng);
        };
    }

    /** {@code U(low, high)}: each value {@code low + (high - low) u} with {@code u} uniform in [0, 1). */
    static Init uniform(double low, double high) {
        checkArgument(Double.isFinite(low) && Double.isFinite(high) && low <= high,
                "init uniform: need finite low <= high, got low %s, high %s", low, high);
        return (n, fanIn, fanOut, rng) -> fillUniform(n, low, high, rng);
    }

    /** {@code N(mean, std^2)}, from {@link RandomGenerator#nextGaussian()}. */
    static Init normal(double mean, double std) {
        checkArgument(Double.isFinite(mean) && Double.isFinite(std) && std >= 0,
                "init normal: need finite mean and std >= 0, got mean %s, std %s", mean, std);
        return (n, fanIn, fanOut, rng) -> fillNormal(n, mean, std, rng);
    }

    /** Every value {@code c}; draws nothing. */
    static Init constant(double c) {
        return (n, fanIn, fanOut, rng) -> {
            double[] v = new double[n];
            java.util.Arrays.fill(v, c);
            return v;
        };
    }

    /** Every value zero; draws nothing. */
    static Init zeros() {
        return constant(0.0);
    }

    /** Xavier/Glorot uniform with gain 1: {@code U(-a, a)}, {@code a = sqrt(6 / (fanIn + fanOut))}. */
    static Init xavierUniform() {
        return xavierUniform(1.0);
    }

    /** Xavier/Glorot uniform: {@code U(-a, a)}, {@code a = gain sqrt(6 / (fanIn + fanOut))}. */
    static Init xavierUniform(double gain) {
        checkGain(gain);
        return (n, fanIn, fanOut, rng) -> {
            double a = gain * Math.sqrt(6.0 / fans(fanIn, fanOut));
            return fillUniform(n, -a, a, rng);
        };
    }

    /** Xavier/Glorot normal with gain 1: {@code N(0, std^2)}, {@code std = sqrt(2 / (fanIn + fanOut))}. */
    static Init xavierNormal() {
        return xavierNormal(1.0);
    }

    /** Xavier/Glorot normal: {@code N(0, std^2)}, {@code std = gain sqrt(2 / (fanIn + fanOut))}. */
    static Init xavierNormal(double gain) {
        checkGain(gain);
        return (n, fanIn, fanOut, rng) -> fillNormal(n, 0.0, gain * Math.sqrt(2.0 / fans(fanIn, fanOut)), rng);
    }

    /**
     * He (Kaiming) uniform for ReLU layers, fan-in mode: {@code U(-a, a)}, {@code a = sqrt(6 / fanIn)}
     * (PyTorch's {@code kaiming_uniform_} with {@code nonlinearity='relu'}).
     */
    static Init heUniform() {
        return (n, fanIn, fanOut, rng) -> {
            checkArgument(fanIn > 0, "init he: fan-in must be positive, got %s", fanIn);
            double a = Math.sqrt(6.0 / fanIn);
            return fillUniform(n, -a, a, rng);
        };
    }

    /**
     * He (Kaiming) normal for ReLU layers, fan-in mode: {@code N(0, std^2)}, {@code std = sqrt(2 / fanIn)}
     * (PyTorch's {@code kaiming_normal_} with {@code nonlinearity='relu'}).
     */
    static Init heNormal() {
        return (n, fanIn, fanOut, rng) -> {
            checkArgument(fanIn > 0, "init he: fan-in must be positive, got %s", fanIn);
            return fillNormal(n, 0.0, Math.sqrt(2.0 / fanIn), rng);
        };
    }

    /** PyTorch's name for {@link #heUniform()}: {@code kaiming_uniform_} for ReLU, fan-in mode. */
    static Init kaimingUniform() {
        return heUniform();
    }

    /** PyTorch's name for {@link #heNormal()}: {@code kaiming_normal_} for ReLU, fan-in mode. */
    static Init kaimingNormal() {
        return heNormal();
    }

    /** Another name for {@link #xavierUniform()}. */
    static Init glorotUniform() {
        return xavierUniform();
    }

    /** Another name for {@link #xavierNormal()}. */
    static Init glorotNormal() {
        return xavierNormal();
    }

    private static int fans(int fanIn, int fanOut) {
        checkArgument(fanIn > 0 && fanOut > 0, "init xavier: fan-in and fan-out must be positive, got %s and %s",
                fanIn, fanOut);
        return fanIn + fanOut;
    }

    private static void checkGain(double gain) {
        checkArgument(Double.isFinite(gain) && gain > 0, "init: gain must be finite and positive, got %s", gain);
    }

    private static double[] fillUniform(int n, double low, double high, RandomGenerator rng) {
        Objects.requireNonNull(rng, "init: rng");
        double[] v = new double[n];
        double width = high - low;
        for (int i = 0; i < n; i++) {
            v[i] = low + width * rng.nextDouble();
        }
        return v;
    }

    private static double[] fillNormal(int n, double mean, double std, RandomGenerator rng) {
        Objects.requireNonNull(rng, "init: rng");
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + std * rng.nextGaussian();
        }
        return v;
    }
}
