package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@code log1p} on {@code (-1, 3]}, and its accuracy where {@code log(1 + x)} loses every digit. */
class Log1pGradientTest {
    @Provide
    Arbitrary<GradCheck.Input> inputs() {
        return Domains.inputs(Domains.shapes(0, 3), Domains.between(-0.9, 3));
    }

    @GradProperty
    void matchesFiniteDifferences(@ForAll("inputs") GradCheck.Input in) {
        Check.gradients(t -> t.log1p().mul(t).sum(), in);
    }

    @Test
    void keepsTheDigitsOfTinyArguments() {
        // ln(1 + 1e-17) = 1e-17 - 5e-35 + ...; log(1 + x) would give 0.
        assertEquals(1e-17, new Tape().tensor(Shape.of(), 1e-17).log1p().item(), 0.0);
    }
}
