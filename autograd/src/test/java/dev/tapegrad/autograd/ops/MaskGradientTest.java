package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

/** {@code mask}: kept elements pass their gradient, the others get exactly zero. */
class MaskGradientTest {
    @Provide
    Arbitrary<GradCheck.Input> inputs() {
        return Domains.inputs(Domains.shapes(1, 3), Domains.between(-2, 2));
    }

    @GradProperty
    void matchesFiniteDifferences(@ForAll("inputs") GradCheck.Input in) {
        boolean[] keep = new boolean[in.values().length];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = i % 3 != 1;
        }
        Check.gradients(t -> new Mask(keep).apply(t.mul(t)).sum(), in);
    }

    @Test
    void anUnkeptInfinityBecomesZeroNotNaN() {
        Tape tape = new Tape();
        var x = tape.tensor(Shape.of(3), 1, Double.POSITIVE_INFINITY, 3);
        assertArrayEquals(new double[] {1, 0, 3}, new Mask(new boolean[] {true, false, true}).apply(x).values());
    }
}
