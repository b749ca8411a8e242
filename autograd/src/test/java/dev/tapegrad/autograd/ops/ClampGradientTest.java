package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@code clamp(min, max)}: off the bounds, against finite differences; at and past them, by hand. */
class ClampGradientTest {
    @Provide
    Arbitrary<GradCheck.Input> inputs() {
        // Bounds at +-1 and values kept 0.05 away from them: a finite difference across a bound is no derivative.
        return Domains.inputs(Domains.shapes(1, 3), net.jqwik.api.Arbitraries.oneOf(Domains.between(-2, -1.05), Domains.between(-0.95, 0.95),
                Domains.between(1.05, 2)));
    }

    @GradProperty
    void matchesFiniteDifferences(@ForAll("inputs") GradCheck.Input in) {
        Check.gradients(t -> t.clamp(-1, 1).mul(t).sum(), in);
    }

    @Test
    void valuesGradientsAndNaNAsTorch() {
        Tape tape = new Tape();
        var x = tape.tensor(Shape.of(5), -2, -1, 0.5, 1, Double.NaN);
        var y = x.clamp(-1, 1);
        assertArrayEquals(new double[] {-1, -1, 0.5, 1, Double.NaN}, y.values());
        assertArrayEquals(new double[] {0, 1, 1, 1, 0}, y.sum().backward().of(x));
        assertThrows(IllegalArgumentException.class, () -> x.clamp(1, -1));
    }
}
