package dev.tapegrad.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The scalar fast path of the tape and of the backward sweep, against derivatives worked out by hand:
 * every constant-operand op, an operand used twice, long chains, and nodes off the path to the output.
 */
class ScalarSweepTest {
    @Test
    void constantOperandOpsHaveHandDerivedGradients() {
        double v = 1.5;
        Tape tape = new Tape();
        Scalar x = tape.scalar(v);
        // y = (x + 2) + (x - 3) + 4x + x/8 + x^3
        Scalar y = x.add(2).add(x.sub(3)).add(x.mul(4)).add(x.div(8)).add(x.pow(3));
        assertEquals((v + 2) + (v - 3) + 4 * v + v / 8 + v * v * v, y.value(), 1e-15);
        assertEquals(1 + 1 + 4 + 1.0 / 8 + 3 * v * v, y.backward().of(x), 1e-12);
    }

    @Test
    void anOperandUsedTwiceGetsBothContributions() {
        Tape tape = new Tape();
        Scalar x = tape.scalar(3.0);
        Gradients g = x.add(x).mul(x.mul(x)).sub(x.sub(x)).div(x).backward();
        // f = 2x * x^2 / x = 2x^2 (x - x contributes 0), f' = 4x = 12
        assertEquals(12.0, g.of(x), 1e-12);
    }

    @Test
    void constantsInterleavedWithVariablesKeepTheirOwnValues() {
        Tape tape = new Tape();
        Scalar x = tape.scalar(2.0);
        Scalar y = tape.scalar(5.0);
        Scalar z = x.mul(7).add(y.mul(11)).add(x.div(4).mul(y.sub(1)));
        Gradients g = z.backward();
        assertEquals(7 + (5.0 - 1) / 4, g.of(x), 1e-12);
        assertEquals(11 + 2.0 / 4, g.of(y), 1e-12);
    }

    @Test
    void longChainHasExactDerivative() {
        // v_n = v_{n-1} w + w, v_0 = 1, w = 1: v_n = n + 1 and d_n = d_{n-1} w + v_{n-1} + 1 = d_{n-1} + n + 1,
        // so d_n = sum_{k=1..n} (k + 1) = n (n + 3) / 2, exact in doubles.
        Tape tape = new Tape();
        Scalar w = tape.scalar(1.0);
        Scalar v = tape.scalar(1.0);
        int n = 300_000;
        for (int i = 0; i < n; i++) {
            v = v.mul(w).add(w);
        }
        assertEquals(n + 1, v.value(), 0.0);
        assertEquals(n * (n + 3.0) / 2, v.backward().of(w), 0.0);
    }

    @Test
    void nodeOffThePathGetsNoNaNFromAnInfiniteDerivative() {
        Tape tape = new Tape();
        Scalar x = tape.scalar(0.0);
        Scalar unused = x.sqrt(); // d sqrt/dx is infinite at 0, but the output never reads it
        Scalar y = x.mul(3).add(1);
        Gradients g = y.backward();
        assertEquals(3.0, g.of(x), 0.0);
        assertEquals(0.0, g.of(unused), 0.0);
        assertFalse(Double.isNaN(g.of(x)));
    }

    @Test
    void zeroGradientOnThePathStillMeetsTheInfiniteDerivative() {
        // y = 0 * sqrt(x) at x = 0: the path exists, so 0 * infinity gives NaN, as in PyTorch.
        Tape tape = new Tape();
        Scalar x = tape.scalar(0.0);
        Scalar y = x.sqrt().mul(0.0);
        assertTrue(Double.isNaN(y.backward().of(x)));
    }

    @Test
    void operandsFromAnotherTapeAreRefusedWithTheOpName() {
        Scalar a = new Tape().scalar(1);
        Scalar b = new Tape().scalar(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.mul(b));
        assertTrue(e.getMessage().startsWith("mul:"), e.getMessage());
    }
}
