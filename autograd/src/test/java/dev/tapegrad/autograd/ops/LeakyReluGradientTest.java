package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@code leakyRelu(slope)} away from the kink, against finite differences; at the kink and NaN, as PyTorch. */
class LeakyReluGradientTest {
    @Provide
    Arbitrary<GradCheck.Input> inputs() {
        return Domains.inputs(Domains.shapes(0, 3), Domains.awayFromZero(0.05, 3));
    }

    @GradProperty
    void matchesFiniteDifferences(@ForAll("inputs") GradCheck.Input in) {
        Agree.gradients(t -> t.leakyRelu(0.2).mul(t).sum(), in);
        Agree.gradients(t -> t.leakyRelu().square(), in);
    }

    @GradProperty
    void valuesMatchPlainLoop(@ForAll("inputs") GradCheck.Input in) {
        double[] expected = in.values().clone();
        for (int i = 0; i < expected.length; i++) {
            expected[i] = expected[i] > 0 ? expected[i] : -0.3 * expected[i];
        }
        Check.values(expected, in.shape(), new Tape().tensor(in.shape(), in.values()).leakyRelu(-0.3), 0.0);
    }

    @Test
    void defaultSlopeKinkAndNaNAsTorch() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(4), -2, 0, 3, Double.NaN);
        Tensor y = x.leakyRelu();
        assertArrayEquals(new double[] {-0.02, 0, 3, Double.NaN}, y.values(), 1e-17);
        // torch.nn.functional.leaky_relu's backward: 1 where x > 0, else the slope (at 0 and at NaN too).
        assertArrayEquals(new double[] {0.01, 0.01, 1, 0.01}, y.sum().backward().of(x));
        assertArrayEquals(new double[] {0, 0, 0, 0}, y.sum().grad(x).sum().grad(x).values(), "piecewise linear");
        var e = assertThrows(IllegalArgumentException.class, () -> x.leakyRelu(Double.NaN));
        assertEquals("leakyRelu: the negative slope must be finite, got NaN", e.getMessage());
    }
}
