package dev.tapegrad.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tapegrad.autograd.internal.Recording;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The recording is cut into blocks, the first of which grows: nodes and constant operands read back
 * the same on either side of every block boundary, and a sweep crosses them with the exact gradient.
 */
class BlockLayoutTest {
    private static final int N = 3 * Recording.BLOCK + 7;

    /** The constant operand of op {@code k} of the chain, distinct for every op. */
    private static double constant(int k) {
        return 1 + (k % 97) * 1e-3;
    }

    @Test
    void everyNodeReadsBackAcrossBlockBoundaries() {
        Tape tape = new Tape();
        Scalar x = tape.scalar(0.5);
        Scalar v = x;
        double expected = 0.5;
        for (int k = 0; k < N; k++) {
            v = k % 2 == 0 ? v.mul(constant(k)) : v.add(constant(k));
            expected = k % 2 == 0 ? expected * constant(k) : expected + constant(k);
        }
        assertEquals(N + 1, tape.size());
        assertEquals(expected, v.value(), 0.0);
        double value = 0.5;
        for (int k = 0; k < N; k++) {
            value = k % 2 == 0 ? value * constant(k) : value + constant(k);
            Recorded node = tape.node(k + 1);
            String at = "node " + (k + 1);
            assertEquals(value, node.values()[0], 0.0, at);
            assertEquals(constant(k), node.constantOperand().orElseThrow(), 0.0, at);
            assertEquals(List.of(k), node.inputs().stream().map(Recorded::index).toList(), at);
            assertEquals(k % 2 == 0 ? "mul" : "add", node.op().name(), at);
        }
    }

    @Test
    void theSweepCrossesBlocksWithTheExactGradient() {
        Tape tape = new Tape();
        Scalar x = tape.scalar(0.5);
        Scalar v = x;
        for (int k = 0; k < N; k++) {
            v = k % 2 == 0 ? v.mul(constant(k)) : v.add(constant(k));
        }
        // d v / d x is the product of the multipliers, taken from the output down as the sweep does.
        double g = 1;
        for (int k = N - 1; k >= 0; k--) {
            if (k % 2 == 0) {
                g *= constant(k);
            }
        }
        assertEquals(g, v.backward().of(x), 0.0);
    }

    @Test
    void nodesOfBothKindsInterleaveAcrossBlocks() {
        Tape tape = new Tape();
        Scalar a = tape.scalar(2.0);
        Tensor t = tape.tensor(Shape.of(2), 1.0, 3.0);
        Scalar s = a;
        for (int k = 0; k < Recording.BLOCK + 3; k++) {
            s = s.mul(a).div(a); // s stays 2, one block and a bit of nodes
        }
        Scalar total = t.mul(s).sum(); // 2 * (1 + 3) = 8
        assertEquals(8.0, total.value(), 0.0);
        Gradients g = total.backward();
        assertEquals(List.of(2.0, 2.0), List.of(g.of(t)[0], g.of(t)[1]));
        assertEquals(4.0, g.of(a), 1e-12); // total = 4 s and s = a (a / a) (a / a) ... = a
    }

    @Test
    void anomalyModeSwitchedOnMidwayStillSeesEveryLaterNode() {
        Tape tape = new Tape();
        Scalar v = tape.scalar(1.0);
        for (int k = 0; k < Recording.BLOCK - 2; k++) {
            v = v.add(1);
        }
        tape.detectAnomaly(true);
        Scalar w = v;
        for (int k = 0; k < 4; k++) { // crosses into the second block while the listener is on
            w = w.add(1);
        }
        Scalar last = w;
        AnomalyException e = assertThrows(AnomalyException.class, () -> tape.constant(-1.0).add(last.mul(0)).log());
        assertEquals(true, e.getMessage().contains("log"), e.getMessage());
        tape.detectAnomaly(false);
        Scalar after = last.add(1);
        assertEquals(Recording.BLOCK + 4.0, after.value(), 0.0);
    }
}
