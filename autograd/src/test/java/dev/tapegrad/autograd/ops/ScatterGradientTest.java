package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import net.jqwik.api.ForAll;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** {@code scatter}, the adjoint of get: one value placed in a tensor of zeros. */
class ScatterGradientTest {
    @GradProperty
    void matchesFiniteDifferences(@ForAll @DoubleRange(min = -2, max = 2) double x) {
        Check.gradients(t -> new Scatter(new Index(1, 0), Shape.of(2, 2)).apply(t.sin()).asTensor().exp().sum(),
                GradCheck.Input.of(Shape.of(), x));
    }

    @Test
    void placesTheValueAtItsIndex() {
        Tape tape = new Tape();
        assertArrayEquals(new double[] {0, 0, 5, 0},
                new Scatter(new Index(1, 0), Shape.of(2, 2)).apply(tape.scalar(5)).values());
    }
}
