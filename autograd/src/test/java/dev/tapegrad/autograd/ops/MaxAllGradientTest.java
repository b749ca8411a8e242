package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;

/** {@code max()} and {@code min()} of all elements, away from ties. */
class MaxAllGradientTest {
    @Provide
    Arbitrary<GradCheck.Input> distinct() {
        return Domains.separated(Domains.shapes(0, 3), 1e-3);
    }

    @GradProperty
    void maxAndMinMatchFiniteDifferences(@ForAll("distinct") GradCheck.Input in) {
        Check.gradients(t -> t.max().mul(t.min()), in);
        Check.gradients(t -> MaxAll.INSTANCE.apply(t.mul(t)), in);
    }

    @GradProperty
    void valuesMatchPlainLoop(@ForAll("distinct") GradCheck.Input in) {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double v : in.values()) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        Tape tape = new Tape();
        Tensor t = tape.tensor(in.shape(), in.values());
        assertEquals(max, t.max().value(), 0.0);
        assertEquals(min, t.min().value(), 0.0);
    }

    @Example
    void tiesShareTheGradientEvenly() {
        Tape tape = new Tape();
        Tensor t = tape.tensor(Shape.of(4), 1, 3, -2, 3);
        assertArrayEquals(new double[] {0, 0.5, 0, 0.5}, t.max().backward().of(t), 0.0);
    }
}
