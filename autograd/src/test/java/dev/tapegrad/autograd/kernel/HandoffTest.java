package dev.tapegrad.autograd.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** Whether a piece is worth splitting: from twice the measured cost of handing half of it over. */
class HandoffTest {
    @Test
    void aSplitPaysFromTwiceTheHandoff() {
        // Two halves on two threads take w / 2 + h against w on one: equal at w = 2h.
        assertTrue(Handoff.worthSplitting(200_000, 100_000));
        assertFalse(Handoff.worthSplitting(199_999, 100_000));
        assertTrue(Handoff.worthSplitting(0, 0));
    }

    @Test
    void thePropertyReplacesTheMeasurement() {
        // A configured cost comes without a lead: the pieces stay equal.
        assertArrayEquals(new long[] {12_345, 0}, Handoff.configuredOrMeasured("12345"));
        assertArrayEquals(new long[] {7, 0}, Handoff.configuredOrMeasured(" 7 "));
        assertArrayEquals(new long[] {0, 0}, Handoff.configuredOrMeasured("-5"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Handoff.configuredOrMeasured("fast"));
        assertTrue(e.getMessage().contains("tapegrad.handoffNanos") && e.getMessage().contains("'fast'"),
                e.getMessage());
    }

    @Test
    void theMeasurementStaysWithinItsBounds() {
        long[] m = Handoff.measure();
        assertTrue(m[0] >= Handoff.MIN_NANOS && m[0] <= Handoff.MAX_NANOS, m[0] + " ns");
        assertEquals(m[0] / 3, m[1], "the calling thread's lead is a third of the handoff");
    }

    @Test
    void theMedianIsTheMiddleValue() {
        assertEquals(5, Handoff.median(new long[] {9, 1, 5}));
        assertEquals(3, Handoff.median(new long[] {7, 3, 1, 2, 100}));
    }

    @Test
    void threadsForAsksTheHandoffOnlyWithTwoThreadsOrMore() throws Exception {
        // The build sets tapegrad.handoffNanos to 0, so every piece is worth splitting here.
        assertEquals(0, Handoff.nanos());
        assertEquals(0, Handoff.leadNanos());
        ForkJoinPool two = new ForkJoinPool(2);
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            assertEquals(2, two.submit(() -> Parallel.threadsFor(0.0)).get());
            assertEquals(2, two.submit(() -> Parallel.threadsFor(Parallel.elementNanos(1))).get());
            assertEquals(1, one.submit(() -> Parallel.threadsFor(1e12)).get());
        } finally {
            two.shutdown();
            one.shutdown();
        }
    }
}
