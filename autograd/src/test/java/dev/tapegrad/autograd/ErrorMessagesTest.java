package dev.tapegrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.ops.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input gets an IllegalArgumentException naming the op and the shapes, indices or counts. */
class ErrorMessagesTest {
    private final Tape tape = new Tape();
    private final Tensor a = tape.tensor(Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
    private final Tensor v = tape.tensor(Shape.of(3), 1, 2, 3);
    private final Tensor empty = tape.tensor(Shape.of(0, 3));

    private static void fails(String expected, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(expected, e.getMessage());
    }

    private static void failsMentioning(Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "'" + e.getMessage() + "' should mention '" + p + "'");
        }
    }

    @Test
    void matmulNamesTheShapes() {
        fails("matmul: inner dimensions differ: [4, 3] x [4, 1]", () -> tape.zeros(4, 3).matmul(tape.zeros(4, 1)));
        fails("matmul: inner dimensions differ: [3] x [4, 2]", () -> v.matmul(tape.zeros(4, 2)));
        fails("matmul: inner dimensions differ: [2, 3] x [2]", () -> a.matmul(tape.zeros(2)));
        fails("matmul: inner dimensions differ: [3] x [2]", () -> v.matmul(tape.zeros(2)));
        failsMentioning(() -> tape.zeros(2, 3, 4).matmul(tape.zeros(5, 4, 2)), "matmul", "[2, 3, 4]", "[5, 4, 2]");
        failsMentioning(() -> tape.zeros().matmul(v), "matmul", "[]", "[3]");
    }

    @Test
    void broadcastingErrorsNameTheOpAndBothShapes() {
        failsMentioning(() -> a.add(tape.zeros(3, 2)), "add", "[2, 3]", "[3, 2]");
        failsMentioning(() -> a.sub(tape.zeros(2)), "sub", "[2, 3]", "[2]");
        failsMentioning(() -> a.mul(tape.zeros(4, 1, 2)), "mul", "[2, 3]", "[4, 1, 2]");
        failsMentioning(() -> a.div(tape.zeros(0)), "div", "[2, 3]", "[0]");
        failsMentioning(() -> a.pow(tape.zeros(4)), "pow", "[2, 3]", "[4]");
    }

    @Test
    void broadcastingFollowsNumPy() {
        int[][][] ok = {
            {{3, 1}, {1, 4}, {3, 4}}, {{4}, {2, 3, 4}, {2, 3, 4}}, {{}, {2, 3}, {2, 3}}, {{2, 1, 3}, {4, 1}, {2, 4, 3}},
            {{1}, {0}, {0}}, {{5, 1, 0}, {1, 7, 1}, {5, 7, 0}}, {{1, 1}, {}, {1, 1}},
        };
        for (int[][] c : ok) {
            assertEquals(Shape.of(c[2]), Shape.broadcast(Shape.of(c[0]), Shape.of(c[1]), "add"));
            assertEquals(Shape.of(c[2]), Shape.broadcast(Shape.of(c[1]), Shape.of(c[0]), "add"));
        }
        int[][][] bad = {{{3}, {4}}, {{2, 3}, {3, 2}}, {{2, 1}, {3, 4}}, {{0}, {2}}, {{4, 3}, {4}}};
        for (int[][] c : bad) {
            failsMentioning(() -> Shape.broadcast(Shape.of(c[0]), Shape.of(c[1]), "mul"), "mul",
                    Shape.of(c[0]).toString(), Shape.of(c[1]).toString());
        }
    }

    @Test
    void broadcastingAgreesWithAPlainLoopForAllSmallShapes() {
        // Every pair of shapes of rank <= 3 with dimensions in {0, 1, 2, 3}, against Reference.
        int[][] shapes = allShapes();
        for (int[] x : shapes) {
            for (int[] y : shapes) {
                int[] expected = Reference.broadcastShape(x, y);
                if (expected == null) {
                    assertThrows(IllegalArgumentException.class, () -> Shape.broadcast(Shape.of(x), Shape.of(y), "add"));
                } else {
                    assertArrayEquals(expected, Shape.broadcast(Shape.of(x), Shape.of(y), "add").dims());
                }
            }
        }
    }

    private static int[][] allShapes() {
        java.util.List<int[]> out = new java.util.ArrayList<>();
        out.add(new int[0]);
        for (int r = 1; r <= 3; r++) {
            int n = (int) Math.pow(4, r);
            for (int code = 0; code < n; code++) {
                int[] s = new int[r];
                int c = code;
                for (int i = 0; i < r; i++) {
                    s[i] = c % 4;
                    c /= 4;
                }
                out.add(s);
            }
        }
        return out.toArray(new int[0][]);
    }

    @Test
    void indexOutOfRangeNamesTheIndexAndTheShape() {
        failsMentioning(() -> a.get(2, 0), "get", "[2, 0]", "[2, 3]");
        failsMentioning(() -> a.get(0, -4), "get", "[0, -4]", "[2, 3]");
        failsMentioning(() -> a.get(1), "get", "[1]", "[2, 3]");
        failsMentioning(() -> a.get(0, 1, 2), "get", "[0, 1, 2]", "[2, 3]");
        failsMentioning(() -> a.slice(1, 0, 4), "slice", "[0, 4)", "[2, 3]");
        failsMentioning(() -> a.slice(0, -3, 1), "slice", "[-3, 1)", "[2, 3]");
        failsMentioning(() -> a.slice(1, 2, 1), "slice", "[2, 1)", "[2, 3]");
        failsMentioning(() -> Shape.of(2, 3).dim(2), "axis 2", "[2, 3]");
    }

    @Test
    void badAxesNameTheOpTheAxisAndTheShape() {
        failsMentioning(() -> a.sum(2, false), "sum", "axis 2", "[2, 3]");
        failsMentioning(() -> a.mean(-3, true), "mean", "axis -3", "[2, 3]");
        failsMentioning(() -> a.max(5, true), "max", "axis 5", "[2, 3]");
        failsMentioning(() -> a.min(5, true), "min", "axis 5", "[2, 3]");
        failsMentioning(() -> a.softmax(2), "softmax", "axis 2", "[2, 3]");
        failsMentioning(() -> a.logSoftmax(-3), "logSoftmax", "axis -3", "[2, 3]");
        failsMentioning(() -> a.slice(2, 0, 1), "slice", "axis 2", "[2, 3]");
        failsMentioning(() -> Tensor.concat(2, a, a), "concat", "axis 2", "[2, 3]");
        failsMentioning(() -> Tensor.stack(3, a, a), "stack", "axis 3", "[2, 3]");
        failsMentioning(() -> a.permute(0, 0), "permute", "[0, 0]");
        failsMentioning(() -> a.permute(0), "permute", "[0]", "[2, 3]");
        failsMentioning(() -> a.permute(0, 2), "permute", "axis 2", "[2, 3]");
        failsMentioning(() -> v.transpose(), "transpose", "[3]");
        failsMentioning(() -> tape.zeros().sum(0, false), "sum", "axis 0", "[]");
    }

    @Test
    void reshapeSizeMismatchNamesBothShapes() {
        fails("reshape: shape [2, 3] has 6 elements but [4, 2] asks for 8", () -> a.reshape(4, 2));
        failsMentioning(() -> a.reshape(4, -1), "reshape", "[4, -1]", "[2, 3]");
        failsMentioning(() -> a.reshape(-1, -1), "reshape", "-1");
        failsMentioning(() -> a.reshape(-2, -3), "reshape", "-2");
    }

    @Test
    void wrongValueCountsNameTheShapeAndTheCount() {
        fails("tensor: shape [2, 3] needs 6 values, got 3", () -> tape.tensor(Shape.of(2, 3), 1, 2, 3));
        fails("constant: shape [2] needs 2 values, got 3", () -> tape.constant(Shape.of(2), 1, 2, 3));
        fails("backward: seed has 5 values but tensor of shape [2, 3] has 6", () -> a.backward(new double[5]));
        failsMentioning(() -> a.backward(), "backward", "[2, 3]", "seed");
        failsMentioning(() -> a.item(), "item", "[2, 3]");
        failsMentioning(() -> GradCheck.Input.of(Shape.of(2), 1), "[2]", "2", "1");
        failsMentioning(() -> tape.leaf(new TapeSemanticsTest.TestLeaf(Shape.of(2), 1, 2, 3)), "leaf", "[2]", "3");
    }

    @Test
    void joiningMismatchedShapesNamesThem() {
        failsMentioning(() -> Tensor.concat(0, a, v), "concat", "[2, 3]", "[3]");
        failsMentioning(() -> Tensor.concat(0, a, tape.zeros(2, 2)), "concat", "[2, 3]", "[2, 2]");
        failsMentioning(() -> Tensor.stack(0, a, v), "stack", "[2, 3]", "[3]");
        failsMentioning(() -> Tensor.concat(0), "concat");
        failsMentioning(() -> Tensor.stack(new Scalar[0]), "stack");
        failsMentioning(() -> Tensor.concat(0, tape.zeros(), tape.zeros()), "concat", "stack");
    }

    @Test
    void emptyReductionsAndBadShapesSaySo() {
        failsMentioning(() -> empty.max(), "max", "[0, 3]", "empty");
        failsMentioning(() -> empty.min(), "min", "[0, 3]", "empty");
        failsMentioning(() -> empty.max(0, false), "max", "[0, 3]", "empty");
        failsMentioning(() -> empty.mean(), "mean", "[0, 3]", "empty");
        failsMentioning(() -> empty.mean(0, true), "mean", "[0, 3]", "empty");
        failsMentioning(() -> Shape.of(2, -1), "[2, -1]");
        failsMentioning(() -> tape.zeros(-1), "[-1]");
        failsMentioning(() -> tape.arange(0, 1, 0), "arange", "step");
        failsMentioning(() -> dev.tapegrad.autograd.ops.Exp.INSTANCE.apply(a, a), "exp", "1", "2");
        failsMentioning(() -> dev.tapegrad.autograd.ops.Exp.INSTANCE.apply(new Node[0]), "exp");
    }
}
