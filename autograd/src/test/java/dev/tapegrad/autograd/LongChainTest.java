package dev.tapegrad.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A chain of a million scalar ops, {@code v = v * w + w} repeated (two million nodes), backpropagates
 * on the default stack with the exact derivative.
 *
 * <p>With {@code v_n = w v_(n-1) + w}: {@code dv_n/dv_0 = w^n} and
 * {@code dv_n/dw = v_(n-1) + 1 + w dv_(n-1)/dw}, which the tests run forward as a plain double loop
 * (forward-mode differentiation), independently of the tape.
 */
class LongChainTest {
    private static final int N = 1_000_000;

    @Test
    void exactDerivativeWithUnitWeight() {
        // w = 1: v_n = v0 + n, dv_n/dv0 = 1 and dv_n/dw = sum_k (v_k + 1) = n v0 + n (n + 1) / 2, all exact in doubles.
        double v0 = 0.5;
        Tape tape = new Tape();
        Scalar start = tape.scalar(v0);
        Scalar w = tape.scalar(1.0);
        Scalar v = start;
        for (int i = 0; i < N; i++) {
            v = v.mul(w).add(w);
        }
        Gradients g = v.backward();
        assertEquals(v0 + N, v.value(), 0.0);
        assertEquals(1.0, g.of(start), 0.0);
        assertEquals(N * v0 + (double) N * (N + 1) / 2, g.of(w), 0.0);
        assertEquals(2 * N + 2, tape.size());
    }

    @Test
    void derivativeMatchesForwardModeNearOne() {
        double v0 = 0.75;
        double wv = 1 - 1e-6;
        double value = v0;
        double dw = 0;
        for (int i = 0; i < N; i++) {
            dw = value + 1 + wv * dw;
            value = wv * value + wv;
        }
        Tape tape = new Tape();
        Scalar start = tape.scalar(v0);
        Scalar w = tape.scalar(wv);
        Scalar v = start;
        for (int i = 0; i < N; i++) {
            v = v.mul(w).add(w);
        }
        Gradients g = v.backward();
        assertEquals(value, v.value(), 1e-12 * Math.abs(value));
        assertEquals(Math.pow(wv, N), g.of(start), 1e-9 * Math.pow(wv, N));
        assertEquals(dw, g.of(w), 1e-9 * Math.abs(dw));
    }
}
