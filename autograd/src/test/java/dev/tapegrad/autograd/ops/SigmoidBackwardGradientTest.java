package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.check.GradCheck;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@code sigmoidBackward(g, y) = g y (1 - y)}: values by a plain loop, derivatives by finite differences. */
class SigmoidBackwardGradientTest {
    @Provide
    Arbitrary<Shape> shapes() {
        return Domains.shapes(1, 3);
    }

    @GradProperty
    void matchesFiniteDifferences(@ForAll("shapes") Shape s) {
        GradCheck.Input g = GradCheck.Input.of(s, ExpandGradientTest.ramp(s.size()));
        GradCheck.Input x = GradCheck.Input.of(s, ExpandGradientTest.ramp(s.size(), 1));
        // y a sigmoid's output, so its values lie in (0, 1) as they do where the op is used.
        Agree.gradientsAll(l -> SigmoidBackward.of(l.get(0), l.get(1).sigmoid()), g, x);
        Agree.gradientsAll(l -> SigmoidBackward.of(l.get(0).mul(l.get(1)), l.get(1).sigmoid()).sum(), g, x);
    }

    @GradProperty
    void valuesAreTheSigmoidsBackward(@ForAll("shapes") Shape s) {
        Tape tape = new Tape();
        double[] gv = ExpandGradientTest.ramp(s.size());
        double[] xv = ExpandGradientTest.ramp(s.size(), 2);
        Tensor x = tape.tensor(s, xv);
        Tensor y = x.sigmoid();
        double[] want = new double[s.size()];
        for (int i = 0; i < want.length; i++) {
            double yi = 1 / (1 + Math.exp(-xv[i]));
            want[i] = gv[i] * yi * (1 - yi);
        }
        Check.values(want, s, SigmoidBackward.of(tape.constant(s, gv), y), 1e-15);
        assertArrayEquals(y.backward(gv).of(x), SigmoidBackward.of(tape.constant(s, gv), y).values(), 0.0,
                "the numeric backward's bits");
    }

    @Test
    void thirdDerivativeOfTheSigmoidByHand() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(3), 0.5, -1, 2);
        double[] third = x.sigmoid().sum().grad(x).sum().grad(x).sum().grad(x).values();
        for (int i = 0; i < 3; i++) {
            double s = 1 / (1 + Math.exp(-x.values()[i]));
            assertEquals(s * (1 - s) * (1 - 6 * s + 6 * s * s), third[i], 1e-15, "s''' = s (1 - s) (1 - 6s + 6s^2)");
        }
    }

    @Test
    void shapesMustAgree() {
        Tape tape = new Tape();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SigmoidBackward.of(tape.zeros(2, 3), tape.zeros(3, 2)));
        assertEquals("sigmoidBackward: gradient shape [2, 3] differs from the sigmoid's output shape [3, 2]",
                e.getMessage());
    }
}
