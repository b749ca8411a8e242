package dev.tapegrad.spark;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * N-bit parity over all {@code 2^N} inputs, as the examples' {@code bits-parity} builds it: input
 * {@code i}'s bits, most significant first, and target 1 when an odd number of them are set.
 *
 * @param bits the number of input bits, 1 to 16
 */
public record BitsParity(int bits) implements TaskData {
    /**
     * Checks the size.
     *
     * @throws IllegalArgumentException if {@code bits} is outside [1, 16]
     */
    public BitsParity {
        checkArgument(bits >= 1 && bits <= 16, "BitsParity: bits must be in [1, 16], got %s", bits);
    }

    @Override
    public String name() {
        return "bits-parity-" + bits;
    }

    @Override
    public double[][] features() {
        int n = 1 << bits;
        double[][] x = new double[n][bits];
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < bits; b++) {
                x[i][b] = (i >> (bits - 1 - b)) & 1;
            }
        }
        return x;
    }

    @Override
    public double[][] targets() {
        int n = 1 << bits;
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            y[i][0] = Integer.bitCount(i) % 2;
        }
        return y;
    }
}
