package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import net.jqwik.api.ForAll;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@code pad}, the adjoint of slice: zeros around the input along one axis. */
class PadGradientTest {
    @GradProperty
    void matchesFiniteDifferences(@ForAll @IntRange(min = 0, max = 2) int axis, @ForAll @IntRange(min = 0, max = 2) int from) {
        Shape in = Shape.of(2, 2, 2);
        Check.gradients(t -> new Pad(axis, from, 5).apply(t.mul(t)).asTensor().exp().sum(),
                GradCheck.Input.of(in, ExpandGradientTest.ramp(in.size())));
    }

    @Test
    void placesTheInputAmongZeros() {
        Tape tape = new Tape();
        var x = tape.tensor(Shape.of(2, 1), 7, 8);
        assertArrayEquals(new double[] {0, 7, 0, 0, 8, 0}, new Pad(1, 1, 3).apply(x).values());
    }
}
