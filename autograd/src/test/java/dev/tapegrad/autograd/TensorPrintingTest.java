package dev.tapegrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Tensors from rows, and tensors and gradients printed as PyTorch prints them (expected text written by hand). */
class TensorPrintingTest {
    @Test
    void rowsBecomeARowMajorMatrix() {
        Tape tape = new Tape();
        double[][] rows = {{1, 2, 3}, {4, 5, 6}};
        Tensor c = tape.constant(rows);
        Tensor v = tape.tensor(rows);
        rows[0][0] = 99;
        assertEquals(Shape.of(2, 3), c.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, c.values());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, v.values());
        Gradients g = v.mul(c).sum().backward();
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, g.of(v));
        assertTrue(!g.reached(c));
    }

    @Test
    void badRowsAreNamed() {
        Tape tape = new Tape();
        var ragged = assertThrows(IllegalArgumentException.class, () -> tape.constant(new double[][] {{1, 2}, {3}}));
        assertEquals("constant: row 1 has 1 values, row 0 has 2; rows must have one length", ragged.getMessage());
        var empty = assertThrows(IllegalArgumentException.class, () -> tape.tensor(new double[0][]));
        assertTrue(empty.getMessage().startsWith("tensor: no rows"), empty.getMessage());
        var nullRow = assertThrows(NullPointerException.class, () -> tape.constant(new double[][] {{1}, null}));
        assertEquals("constant: row 1 is null", nullRow.getMessage());
        var nullRows = assertThrows(NullPointerException.class, () -> tape.constant((double[][]) null));
        assertEquals("constant: rows", nullRows.getMessage());
    }

    @Test
    void wholeNumbersPrintWithATrailingPoint() {
        Tensor t = new Tape().constant(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals("tensor([[1., 2., 3.],\n        [4., 5., 6.]], shape=[2, 3])", t.toString());
    }

    @Test
    void fractionsPrintWithFourDecimalsAlignedAndVariablesSaySo() {
        Tensor t = new Tape().tensor(new double[][] {{0.5, -1.25}, {10, 2}});
        assertEquals("tensor([[ 0.5000, -1.2500],\n        [10.0000,  2.0000]], shape=[2, 2], requires_grad=True)",
                t.toString());
    }

    @Test
    void wideRangesPrintInScientificNotation() {
        Tensor t = new Tape().constant(Shape.of(3), 1e-5, 1, Double.NaN);
        assertEquals("tensor([1.0000e-05, 1.0000e+00,        nan], shape=[3])", t.toString());
    }

    @Test
    void rankThreeSeparatesMatricesByABlankLine() {
        Tensor t = new Tape().constant(Shape.of(2, 1, 2), 1, 2, 3, 4);
        assertEquals("tensor([[[1., 2.]],\n\n        [[3., 4.]]], shape=[2, 1, 2])", t.toString());
    }

    @Test
    void largeTensorsAreSummarised() {
        Tensor t = new Tape().arange(2000).detach();
        assertEquals("tensor([   0.,    1.,    2., ..., 1997., 1998., 1999.], shape=[2000])", t.toString());
        Tensor m = new Tape().zeros(100, 100).detach();
        String s = m.toString();
        assertEquals(3 + 1 + 3, s.split("\n").length, s); // three rows, "...", three rows; no wrapped lines
        assertTrue(s.startsWith("tensor([[0., 0., 0., ..., 0., 0., 0.],\n        [0., 0., 0., ..., 0., 0., 0.],"), s);
        assertTrue(s.contains("\n        ...,\n        [0., 0., 0., ..., 0., 0., 0.],"), s);
        assertTrue(s.endsWith("shape=[100, 100], requires_grad=True)") || s.endsWith("shape=[100, 100])"), s);
    }

    @Test
    void longRowsWrapAtEightyCharacters() {
        Tensor t = new Tape().constant(Shape.of(20), new double[20]);
        // "tensor([" is 8 characters and each "0., " 4: eighteen values end at column 80.
        assertEquals("tensor([" + "0., ".repeat(17) + "0.,\n        0., 0.], shape=[20])", t.toString());
    }

    @Test
    void emptyAndRankZero() {
        assertEquals("tensor([], shape=[0, 3])", new Tape().constant(Shape.of(0, 3)).toString());
        assertEquals("tensor(2.5000)", new Tape().constant(Shape.of(), 2.5).toString());
    }

    @Test
    void gradientsListTheVariablesTheyReached() {
        Tape tape = new Tape();
        Tensor w = tape.tensor(new double[][] {{1, 2}});
        Scalar s = tape.scalar(3);
        tape.tensor(Shape.of(1), 7); // not used by the output
        Gradients g = w.mul(s).sum().backward();
        assertEquals("Gradients(2 variables reached:\n"
                + "  node 0: tensor([[3., 3.]], shape=[1, 2])\n"
                + "  node 1: tensor(3.)\n)", g.toString());
    }
}
