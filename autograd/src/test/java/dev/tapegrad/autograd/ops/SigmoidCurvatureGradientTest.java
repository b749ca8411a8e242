package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.check.GradCheck;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@code sigmoidCurvature(u, g, y) = u g (1 - 2y)}: values by a plain loop, derivatives by finite differences. */
class SigmoidCurvatureGradientTest {
    @Provide
    Arbitrary<Shape> shapes() {
        return Domains.shapes(1, 3);
    }

    @GradProperty
    void matchesFiniteDifferences(@ForAll("shapes") Shape s) {
        GradCheck.Input u = GradCheck.Input.of(s, ExpandGradientTest.ramp(s.size()));
        GradCheck.Input g = GradCheck.Input.of(s, ExpandGradientTest.ramp(s.size(), 1));
        GradCheck.Input y = GradCheck.Input.of(s, ExpandGradientTest.ramp(s.size(), 2));
        Agree.gradientsAll(l -> SigmoidCurvature.of(l.get(0), l.get(1), l.get(2)), u, g, y);
        Agree.gradientsAll(l -> SigmoidCurvature.of(l.get(0).mul(l.get(2)), l.get(1), l.get(2).exp()).sum(), u, g, y);
    }

    @GradProperty
    void valuesMatchTheFormula(@ForAll("shapes") Shape s) {
        Tape tape = new Tape();
        double[] u = ExpandGradientTest.ramp(s.size());
        double[] g = ExpandGradientTest.ramp(s.size(), 1);
        double[] y = ExpandGradientTest.ramp(s.size(), 2);
        double[] want = new double[s.size()];
        for (int i = 0; i < want.length; i++) {
            want[i] = u[i] * g[i] * (1 - 2 * y[i]);
        }
        Check.values(want, s, SigmoidCurvature.of(tape.constant(s, u), tape.constant(s, g), tape.constant(s, y)),
                1e-15);
    }

    @Test
    void shapesMustAgree() {
        Tape tape = new Tape();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SigmoidCurvature.of(tape.zeros(2), tape.zeros(2), tape.zeros(3)));
        assertTrue(e.getMessage().startsWith("sigmoidCurvature: shapes [2], [2] and [3] differ"), e.getMessage());
    }
}
