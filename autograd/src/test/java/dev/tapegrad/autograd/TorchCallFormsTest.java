package dev.tapegrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.check.GradCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The call forms a PyTorch user reaches for, checked against values worked out by hand. */
class TorchCallFormsTest {
    private final Tape tape = new Tape();
    private final Tensor m = tape.tensor(Shape.of(2, 3), 1, -2, 3, 4, 5, -6);

    @Test
    void reductionsOverAnAxisDropItByDefault() {
        assertEquals(Shape.of(3), m.sum(0).shape());
        assertArrayEquals(new double[] {5, 3, -3}, m.sum(0).values(), 0.0);
        assertArrayEquals(new double[] {2.0 / 3, 1.0}, m.mean(1).values(), 1e-15);
        assertArrayEquals(new double[] {3, 5}, m.max(1).values(), 0.0);
        assertArrayEquals(new double[] {-2, -6}, m.min(-1).values(), 0.0);
    }

    @Test
    void transposeOfTwoNamedAxes() {
        Tensor t = tape.tensor(Shape.of(2, 1, 3), 1, 2, 3, 4, 5, 6).transpose(0, 2);
        assertEquals(Shape.of(3, 1, 2), t.shape());
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, t.values(), 0.0);
        assertArrayEquals(new double[] {1, 4, -2, 5, 3, -6}, m.transpose(-1, 0).values(), 0.0);
    }

    @Test
    void tensorToThePowerOfAScalarHasBothGradients() {
        Tensor x = tape.tensor(Shape.of(2), 2, 3);
        Scalar e = tape.scalar(2);
        Scalar y = x.pow(e).sum();
        Gradients g = y.backward();
        assertEquals(13, y.value(), 1e-12);
        assertArrayEquals(new double[] {4, 6}, g.of(x), 1e-12);
        // d/de sum(x^e) = sum(x^e ln x)
        assertEquals(4 * Math.log(2) + 9 * Math.log(3), g.of(e), 1e-12);
    }

    @Test
    void stackAndConcatTakeListsAndStackTakesScalarsAtAnAxis() {
        Scalar a = tape.scalar(1);
        Scalar b = tape.scalar(2);
        Tensor v = Tensor.stack(0, a, b);
        assertArrayEquals(new double[] {1, 2}, v.values(), 0.0);
        Tensor w = Tensor.stack(0, List.of(a, b));
        Scalar loss = v.mul(tape.constant(Shape.of(2), 3, 5)).sum().add(w.sum());
        Gradients g = loss.backward();
        assertEquals(4, g.of(a), 0.0);
        assertEquals(6, g.of(b), 0.0);
        Tensor c = Tensor.concat(0, List.of(m, m.neg()));
        assertEquals(Shape.of(4, 3), c.shape());
        assertArrayEquals(new double[] {-4, -5, 6}, c.slice(0, 3, 4).values(), 0.0);
    }

    @Test
    void unravelIsTheInverseOfRowMajorOrder() {
        Shape s = Shape.of(2, 3, 4);
        assertArrayEquals(new int[] {0, 0, 0}, s.unravel(0));
        assertArrayEquals(new int[] {1, 2, 3}, s.unravel(23));
        assertArrayEquals(new int[] {1, 0, 2}, s.unravel(14));
        assertArrayEquals(new int[0], Shape.of().unravel(0));
    }

    @Test
    void gradCheckOfTwoInputsWithDefaults() {
        GradCheck.Report r = GradCheck.checkAll(ts -> ts.get(0).matmul(ts.get(1)).tanh().sum(),
                GradCheck.Input.of(Shape.of(2, 3), 0.1, -0.2, 0.3, 0.4, -0.5, 0.6),
                GradCheck.Input.of(Shape.of(3), 1, 2, -1));
        assertTrue(r.passed(), r::describe);
        assertEquals(9, r.checked());
    }

    @Test
    void arangeOfAnImpossibleRangeIsAnErrorAsInTorch() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> tape.arange(-3));
        assertTrue(e.getMessage().startsWith("arange: end -3"), e.getMessage());
        assertEquals(0, tape.arange(0).shape().size());
        assertArrayEquals(new double[] {3, 2, 1}, tape.arange(3, 0, -1).values(), 0.0);
    }

    @Test
    void aNullOperandIsNamedByItsOp() {
        Scalar x = tape.scalar(1);
        NullPointerException e = org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
                () -> x.mul((Scalar) null));
        assertTrue(e.getMessage().startsWith("mul:"), e.getMessage());
    }

    @Test
    void oneToAnyPowerIsOneAsInC() {
        assertEquals(1.0, tape.scalar(1.0).pow(Double.NaN).value());
        assertTrue(Double.isNaN(tape.scalar(2.0).pow(Double.NaN).value()));
    }
}
