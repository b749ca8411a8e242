package dev.tapegrad.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.check.GradCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker itself: PyTorch's defaults, an immutable configuration, and its tolerance rule. */
class GradCheckTest {
    /** x^2 whose derivative is off by a relative {@code error}. */
    private static UnaryOp squareOffBy(double error) {
        return UnaryOp.of("square", x -> x * x, (x, y) -> 2 * x * (1 + error));
    }

    @Test
    void defaultsAreThoseOfPyTorch() {
        GradCheck.Report r = GradCheck.check(t -> t.exp().sum(), 0.5, 1.5);
        assertTrue(r.passed(), r::describe);
        assertEquals(1e-6, r.eps(), 0.0);
        assertEquals(1e-5, r.atol(), 0.0);
        assertEquals(1e-3, r.rtol(), 0.0);
        assertEquals(2, r.checked());
    }

    @Test
    void settersReturnNewCheckersAndLeaveTheDefaultsAlone() {
        GradCheck d = GradCheck.withDefaults();
        GradCheck strict = d.rtol(1e-6).atol(0).eps(1e-7);
        assertNotSame(d, strict);
        GradCheck.Report r = d.check(t -> t.exp().sum(), Shape.of(1), 0.5);
        assertEquals(1e-3, r.rtol(), 0.0);
        assertEquals(1e-7, strict.check(t -> t.exp().sum(), Shape.of(1), 0.5).eps(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> d.eps(0));
        assertThrows(IllegalArgumentException.class, () -> d.atol(-1));
        assertThrows(IllegalArgumentException.class, () -> d.rtol(-1));
    }

    @Test
    void toleranceIsAtolPlusRtolTimesTheNumericValue() {
        // At x = 3 the derivative is 6: a relative error of 5e-4 is inside rtol 1e-3, outside 1e-4.
        assertTrue(GradCheck.check(t -> squareOffBy(5e-4).apply(t).sum(), 3).passed());
        assertFalse(GradCheck.withDefaults().rtol(1e-4).check(t -> squareOffBy(5e-4).apply(t).sum(), Shape.of(1), 3)
                .passed());
        assertFalse(GradCheck.check(t -> squareOffBy(3e-3).apply(t).sum(), 3).passed());
        // Near a zero derivative only atol counts: 2 * 1e-6 * (1 + 1) = 4e-6 off is inside 1e-5.
        assertTrue(GradCheck.check(t -> squareOffBy(1).apply(t).sum(), 1e-6).passed());
    }

    @Test
    void checksEveryOutputElementAgainstEveryInputElement() {
        GradCheck.Report r = GradCheck.withDefaults().checkAll(ts -> ts.get(0).matmul(ts.get(1)),
                List.of(GradCheck.Input.of(Shape.of(2, 3), 1, 2, 3, 4, 5, 6), GradCheck.Input.of(Shape.of(3), 1, 0, -1)));
        assertTrue(r.passed(), r::describe);
        assertEquals(2 * (6 + 3), r.checked());
    }

    @Test
    void aCheckWithNothingToCheckIsRefusedNotPassed() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> GradCheck.check(t -> t.sum()));
        assertTrue(none.getMessage().startsWith("gradcheck: ") && none.getMessage().contains("[[0]]")
                && none.getMessage().contains("no derivative"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GradCheck.checkAll(ts -> ts.get(0).sum(),
                GradCheck.Input.of(Shape.of(0, 3)), GradCheck.Input.of(Shape.of(2, 0))));
    }
}
