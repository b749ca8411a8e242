package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.check.GradCheck;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@code dot}: the value against a sum written out, first and second derivatives in both inputs against
 * finite differences, the gradient under a seed other than 1, and the shape error.
 */
class DotGradientTest {
    /** Two inputs of one shape, scalars included. */
    @Provide
    Arbitrary<GradCheck.Input[]> pairs() {
        return Domains.shapes(0, 3).flatMap(s -> Combinators.combine(Domains.values(Domains.between(-2, 2), s.size()),
                        Domains.values(Domains.between(-2, 2), s.size()))
                .as((a, b) -> new GradCheck.Input[] {GradCheck.Input.of(s, a), GradCheck.Input.of(s, b)}));
    }

    @GradProperty
    void valueIsTheSumOfProducts(@ForAll("pairs") GradCheck.Input[] in) {
        double expected = 0;
        for (int i = 0; i < in[0].values().length; i++) {
            expected += in[0].values()[i] * in[1].values()[i];
        }
        Tape tape = new Tape();
        Scalar s = (Scalar) Dot.INSTANCE.apply(tape.tensor(in[0].shape(), in[0].values()),
                tape.tensor(in[1].shape(), in[1].values()));
        assertEquals(expected, s.value(), 1e-13 * (1 + Math.abs(expected)));
    }

    @GradProperty
    void firstAndSecondDerivativesMatchFiniteDifferences(@ForAll("pairs") GradCheck.Input[] in) {
        // The sine makes the second derivative in each input alone non-zero (dot is bilinear).
        Check.gradientsAll(ts -> ((Scalar) Dot.INSTANCE.apply(ts.get(0), ts.get(1))).sin(), in);
        // The same input twice: d/dx (x . x) = 2 x, through both slots.
        Check.gradients(t -> ((Scalar) Dot.INSTANCE.apply(t, t)).sin(), in[0]);
    }

    @Test
    void gradientUnderAnySeedIsTheSeedTimesTheOtherInput() {
        Tape tape = new Tape();
        Tensor a = tape.tensor(Shape.of(3), 1, -2, 0.5);
        Tensor b = tape.constant(Shape.of(3), 4, 0.25, -3);
        Scalar s = (Scalar) Dot.INSTANCE.apply(a, b);
        assertArrayEquals(new double[] {4, 0.25, -3}, s.grad(a).values());
        Tensor seed = tape.constant(Shape.of(), 2.5);
        assertArrayEquals(new double[] {10, 0.625, -7.5}, s.asTensor().grad(a, seed).values());
        // A seed that is itself differentiated: d/dw of (w b) . e1 at any w is b_1.
        Tensor w = tape.tensor(Shape.of(), 3);
        Tensor ga = s.asTensor().grad(a, w);
        assertArrayEquals(new double[] {0.25}, ga.get(1).grad(w).values());
    }

    @Test
    void shapesMustBeEqual() {
        Tape tape = new Tape();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dot.INSTANCE.apply(
                tape.tensor(Shape.of(2, 3), new double[6]), tape.tensor(Shape.of(3), new double[3])));
        assertTrue(e.getMessage().contains("dot: shapes [2, 3] and [3] differ"), e.getMessage());
    }
}
