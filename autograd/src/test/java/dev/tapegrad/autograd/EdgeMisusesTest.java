package dev.tapegrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Misuses at the edges of the shape arithmetic, each with the error a user can act on. */
class EdgeMisusesTest {
    private static String failure(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), () -> "'" + message + "' should mention '" + p + "'");
        }
    }

    @Test
    void anEmptyShapeIsNeverTooLarge() {
        for (int[] dims : new int[][] {{65536, 65536, 0}, {0, 65536, 65536}, {65536, 0, 65536, 65536}}) {
            Shape s = Shape.of(dims);
            assertEquals(0, s.size());
            assertArrayEquals(dims, s.dims());
        }
        assertMentions(failure(() -> Shape.of(65536, 65536, 1)), "[65536, 65536, 1]", "2^31 - 1");
        Tape tape = new Tape();
        Tensor big = tape.zeros(65536, 65536, 0);
        assertEquals(Shape.of(65536, 0), big.sum(1).shape());
        assertEquals(0, big.permute(2, 0, 1).shape().size());
        assertEquals(Shape.of(0, 65536, 65536), big.permute(2, 0, 1).shape());
    }

    @Test
    void concatOfLargeEmptyTensorsNamesTheTrueSize() {
        Tape tape = new Tape();
        Tensor a = tape.zeros(Integer.MAX_VALUE - 1, 0);
        // 2 x (2^31 - 2) rows: too many for an int dimension, whatever the element count.
        String m = failure(() -> Tensor.concat(0, a, a));
        assertMentions(m, "concat", "4294967292", "axis 0", "[2147483646, 0]");
        assertEquals(Shape.of(Integer.MAX_VALUE - 1, 0), Tensor.concat(0, a, tape.zeros(0, 0)).shape());
    }

    @Test
    void aSliceWithFromAfterToSaysSo() {
        Tape tape = new Tape();
        Tensor t = tape.tensor(Shape.of(3), 1, 2, 3);
        assertMentions(failure(() -> t.slice(0, 2, 1)), "slice", "[2, 1)", "from 2", "after to 1", "[3]");
        assertMentions(failure(() -> t.slice(0, -1, 1)), "slice", "from -1 (2)", "after to 1");
        assertMentions(failure(() -> t.slice(0, 1, 5)), "slice", "[1, 5)", "out of bounds", "size 3");
        assertMentions(failure(() -> t.slice(0, -4, 2)), "slice", "[-4, 2)", "out of bounds", "size 3");
        assertEquals(Shape.of(0), t.slice(0, 1, 1).shape());
    }

    @Test
    void theIssuesSlice() {
        Tape tape = new Tape();
        Tensor t = tape.zeros(2, 3);
        String m = failure(() -> t.slice(1, 2, 1));
        assertMentions(m, "slice", "from 2", "after to 1", "axis 1", "[2, 3]");
        assertTrue(!m.contains("out of bounds"), m);
    }
}
