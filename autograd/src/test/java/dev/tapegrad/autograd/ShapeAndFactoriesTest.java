package dev.tapegrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Shapes are immutable values; the tape's factories make the documented values, seeded ones reproducibly. */
class ShapeAndFactoriesTest {
    @Test
    void shapeIsAnImmutableValue() {
        int[] dims = {2, 3};
        Shape s = Shape.of(dims);
        dims[0] = 9;
        s.dims()[1] = 9;
        assertArrayEquals(new int[] {2, 3}, s.dims());
        assertEquals(Shape.of(2, 3), s);
        assertEquals(Shape.of(2, 3).hashCode(), s.hashCode());
        assertNotEquals(Shape.of(3, 2), s);
        assertEquals("[2, 3]", s.toString());
        assertEquals("[]", Shape.of().toString());
        assertEquals(1, Shape.of().size());
        assertEquals(0, Shape.of().rank());
        assertEquals(6, s.size());
        assertEquals(3, s.dim(-1));
        assertEquals(0, Shape.of(4, 0, 2).size());
    }

    @Test
    void factoriesMakeTheDocumentedValues() {
        Tape tape = new Tape();
        assertArrayEquals(new double[6], tape.zeros(2, 3).values(), 0.0);
        assertArrayEquals(new double[] {1, 1}, tape.ones(Shape.of(2)).values(), 0.0);
        assertArrayEquals(new double[] {2.5, 2.5, 2.5}, tape.full(Shape.of(3), 2.5).values(), 0.0);
        assertArrayEquals(new double[] {0, 1, 2, 3}, tape.arange(4).values(), 0.0);
        assertArrayEquals(new double[] {1, 0.5, 0, -0.5}, tape.arange(1, -0.75, -0.5).values(), 0.0);
        assertEquals(Shape.of(0), tape.arange(3, 3, 1).shape());
        assertArrayEquals(new double[] {2, 3, 4}, tape.arange(2, 5).values(), 0.0);
        Tensor z = tape.zeros(2);
        assertArrayEquals(new double[] {1, 1}, z.sum().backward().of(z), 0.0, "zeros(...) is a variable");
        Tensor c = tape.constant(Shape.of(2), 1, 2);
        assertArrayEquals(new double[2], c.mul(z).sum().backward().of(c), 0.0, "constant(...) is not");
    }

    @Test
    void sameSeedSameBits() {
        Tape tape = new Tape();
        double[] u1 = tape.rand(new SplittableRandom(5), 4, 5).values();
        double[] u2 = tape.rand(new SplittableRandom(5), Shape.of(4, 5)).values();
        double[] n1 = tape.randn(new SplittableRandom(5), 4, 5).values();
        double[] n2 = new Tape().randn(new SplittableRandom(5), Shape.of(4, 5)).values();
        assertArrayEquals(u1, u2, 0.0);
        assertArrayEquals(n1, n2, 0.0);
        SplittableRandom ref = new SplittableRandom(5);
        for (double u : u1) {
            assertEquals(ref.nextDouble(), u, 0.0, "row-major draws from the given generator");
        }
        for (double u : u1) {
            assertTrue(u >= 0 && u < 1);
        }
        assertNotEquals(u1[0], tape.rand(new SplittableRandom(6), 1).values()[0]);
    }
}
