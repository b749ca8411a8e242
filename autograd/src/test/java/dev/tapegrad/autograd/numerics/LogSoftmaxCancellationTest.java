package dev.tapegrad.autograd.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Log-softmax of large logits. Shifting every logit by the same constant leaves log-softmax unchanged,
 * so {@code logSoftmax(1e10 + [0, 1, 2])} must equal {@code logSoftmax([0, 1, 2])} to the last few bits:
 * the shift and the maximum are exact in double, and the result must not pass through a number of the
 * logits' magnitude. The expected values are {@code [0, 1, 2] - 2 - ln(1 + e^-1 + e^-2)}, as PyTorch
 * float64 also returns them.
 */
class LogSoftmaxCancellationTest {
    private static final double[] EXPECTED = {-2.4076059644443806, -1.4076059644443804, -0.4076059644443805};

    @Test
    void largeLogitsKeepFullPrecision() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(3), 1e10, 1e10 + 1, 1e10 + 2);
        double[] y = x.logSoftmax(0).values();
        for (int k = 0; k < 3; k++) {
            assertEquals(EXPECTED[k], y[k], 1e-15, "logSoftmax element " + k);
        }
    }

    @Test
    void hugeLogitsStayExactWhereTheShiftIsExact() {
        Tape tape = new Tape();
        // 1e15 + 2 is exact in double (ulp(1e15) = 0.125), so the shifted logits are again [0, 1, 2].
        Tensor x = tape.tensor(Shape.of(1, 3), 1e15, 1e15 + 1, 1e15 + 2);
        double[] y = x.logSoftmax(1).values();
        for (int k = 0; k < 3; k++) {
            assertEquals(EXPECTED[k], y[k], 1e-15, "logSoftmax element " + k);
        }
    }

    @Test
    void smallOutputsNearFourHundredKeepRelativePrecision() {
        Tape tape = new Tape();
        // An output near 0 (the dominant class) is where adding and subtracting 400 loses the most:
        // ulp(400) / 2 = 2.8e-14 against an output of -8.3e-7. Rounding the sum 1 + e^-14 costs at most
        // 1.1e-16 absolute, a relative 1.3e-10 of the output, so 1e-9 is what the stable formula allows.
        Tensor x = tape.tensor(Shape.of(2), 400, 400 - 14);
        double expected = -Math.log1p(Math.exp(-14));
        double y = x.logSoftmax(0).values()[0];
        assertEquals(expected, y, Math.abs(expected) * 1e-9);
    }

    @Test
    void softmaxOfLargeLogitsMatchesTheShiftedOnes() {
        Tape tape = new Tape();
        double[] y = tape.tensor(Shape.of(3), 1e10, 1e10 + 1, 1e10 + 2).softmax(0).values();
        for (int k = 0; k < 3; k++) {
            assertEquals(Math.exp(EXPECTED[k]), y[k], 1e-15, "softmax element " + k);
        }
    }
}
