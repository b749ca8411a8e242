package dev.tapegrad.autograd.diag;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.check.OpCheck;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;
import org.junit.jupiter.api.Test;

/** The per-op check stays right when values are huge: a lost step is inconclusive, not a wrong op. */
class OpCheckScaleTest {
    @Test
    void correctOpsPassWhenOtherTermsDwarfTheCheckedElement() {
        Tape tape = new Tape();
        Tensor x = tape.constant(Shape.of(2, 3), 1, 0, 1, 0, 1, 1);
        // w[0][0] is 0.3 beside weights of 1e300: an absolute step of 1e-6 on it is lost in the sum.
        Tensor w = tape.tensor(Shape.of(3, 2), 0.3, 1e300, -2e300, 0.5, 1e299, 3e300);
        x.matmul(w).sum().backward();
        OpCheck.Report r = OpCheck.check(tape);
        assertTrue(r.passed(), r::describe);
    }

    @Test
    void aWrongDerivativeIsStillFoundAtOrdinaryScale() {
        Tape tape = new Tape();
        UnaryOp wrong = UnaryOp.of("cube", v -> v * v * v, v -> 2 * v * v);
        Tensor x = tape.tensor(Shape.of(3), 0.5, -1.5, 2.0);
        wrong.apply(x.mul(2.0)).sum().backward();
        OpCheck.Report r = OpCheck.check(tape);
        assertFalse(r.passed(), r::describe);
        assertTrue(r.describe().contains("cube"), r::describe);
    }
}
