package dev.tapegrad.autograd.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The denominator's partial of {@code a / b} is {@code -a / b^2 = -(a / b) / b}. Squaring {@code b}
 * first overflows for {@code |b| > 1e154} and underflows for {@code |b| < 1e-162} although the partial
 * itself is representable; at {@code a = b = 1e200} it is {@code -1e-200}, at {@code a = b = 1e-200} it
 * is {@code -1e200} (PyTorch float64 returns both).
 */
class DivDenominatorRangeTest {
    @Test
    void scalarPathAtBothEndsOfTheRange() {
        for (double v : new double[] {1e200, 1e-200}) {
            Tape tape = new Tape();
            Scalar a = tape.scalar(v);
            Scalar b = tape.scalar(v);
            var g = a.div(b).backward();
            assertEquals(1.0 / v, g.of(a), 0.0, "d/da at " + v);
            assertEquals(-1.0 / v, g.of(b), Math.ulp(1.0 / v), "d/db at " + v);
        }
    }

    @Test
    void tensorPathAtBothEndsOfTheRange() {
        Tape tape = new Tape();
        Tensor a = tape.tensor(Shape.of(2), 1e200, 1e-200);
        Tensor b = tape.tensor(Shape.of(2), 1e200, 1e-200);
        var g = a.div(b).sum().backward();
        assertEquals(-1e-200, g.of(b)[0], Math.ulp(1e-200));
        assertEquals(-1e200, g.of(b)[1], Math.ulp(1e200));
    }
}
