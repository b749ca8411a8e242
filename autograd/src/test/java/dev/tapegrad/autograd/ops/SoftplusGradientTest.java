package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@code softplus} on both sides of its threshold, and its values where the naive formula fails. */
class SoftplusGradientTest {
    @Provide
    Arbitrary<GradCheck.Input> inputs() {
        return Domains.inputs(Domains.shapes(0, 3), Arbitraries.oneOf(Domains.between(-8, 8), Domains.between(20.5, 25)));
    }

    @GradProperty
    void matchesFiniteDifferences(@ForAll("inputs") GradCheck.Input in) {
        Agree.gradients(t -> t.softplus().mul(t).sum(), in);
        Agree.gradients(t -> t.softplus(), in);
    }

    @GradProperty
    void valuesMatchTheDefinition(@ForAll("inputs") GradCheck.Input in) {
        double[] expected = in.values().clone();
        for (int i = 0; i < expected.length; i++) {
            expected[i] = expected[i] > 20 ? expected[i] : Math.log(1 + Math.exp(expected[i]));
        }
        Check.values(expected, in.shape(), new Tape().tensor(in.shape(), in.values()).softplus(), 1e-15);
    }

    @Test
    void stableForLargeInputsAndNaNStaysNaN() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(6), -1000, -40, 0, 1, 1000, Double.NaN);
        Tensor y = x.softplus();
        // ln(1 + e^-40) = e^-40 - e^-80 / 2 + ...: log(1 + exp(x)) would give 0; exp(1000) would overflow.
        assertArrayEquals(new double[] {0, Math.exp(-40), Math.log(2), 1.3132616875182228, 1000, Double.NaN},
                y.values(), 1e-16);
        double s1 = 1 / (1 + Math.exp(-1));
        assertArrayEquals(new double[] {0, 1 / (1 + Math.exp(40)), 0.5, s1, 1, Double.NaN}, y.sum().backward().of(x),
                1e-16);
        double[] second = y.sum().grad(x).sum().grad(x).values();
        assertEquals(0.25, second[2], 1e-16);
        assertEquals(s1 * (1 - s1), second[3], 1e-16);
        assertEquals(0.0, second[4], 0.0, "the identity above the threshold");
    }

    @Test
    void thirdDerivativeByHand() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(2), 1, -2);
        double[] third = x.softplus().sum().grad(x).sum().grad(x).sum().grad(x).values();
        for (int i = 0; i < 2; i++) {
            double s = 1 / (1 + Math.exp(-x.values()[i]));
            assertEquals(s * (1 - s) * (1 - 2 * s), third[i], 1e-15, "d3/dx3 softplus = s (1 - s) (1 - 2 s)");
        }
    }
}
