package dev.tapegrad.autograd.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Splitting a range over threads: every index exactly once, aligned boundaries, errors passed on. */
class ParallelTest {
    @Test
    void everyIndexRunsExactlyOnceAtAlignedBoundaries() throws Exception {
        int[][] cases = {{0, 1, 2}, {1, 8, 2}, {7, 8, 2}, {100, 8, 3}, {1000, 32, 2}, {1001, 1, 5}, {64, 8, 64}};
        ForkJoinPool pool = new ForkJoinPool(3);
        try {
            for (int[] c : cases) {
                int n = c[0];
                int align = c[1];
                int parts = c[2];
                AtomicIntegerArray seen = new AtomicIntegerArray(n);
                pool.submit(() -> Parallel.forRange(n, align, parts, (from, to) -> {
                    assertTrue(from % align == 0 && from < to, "piece [" + from + ", " + to + ")");
                    for (int i = from; i < to; i++) {
                        seen.incrementAndGet(i);
                    }
                })).get();
                for (int i = 0; i < n; i++) {
                    assertEquals(1, seen.get(i), "n=" + n + " index " + i);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theCallersPieceLeadsByTheOtherThreadsStartDelay() {
        // Equal finish: the first piece T long, the others T - lead, the lead a fraction of the whole.
        assertArrayEquals(new int[] {0, 550, 1000}, Parallel.bounds(1000, 1, 2, 0.1));
        assertArrayEquals(new int[] {0, 160, 230, 300}, Parallel.bounds(300, 1, 3, 0.3));
        // At most half of the whole: a lead that large would make the split worthless anyway.
        assertArrayEquals(new int[] {0, 750, 1000}, Parallel.bounds(1000, 1, 2, 0.9));
        assertArrayEquals(new int[] {0, 504, 1000}, Parallel.bounds(1000, 8, 2, 0.0));
        assertArrayEquals(new int[] {0, 1000}, Parallel.bounds(1000, 8, 1, 0.2));
        assertArrayEquals(new int[] {0}, Parallel.bounds(0, 8, 2, 0.2));
    }

    @Test
    void boundsCoverTheRangeAtAlignedCutsForAnyLead() {
        for (int n : new int[] {1, 7, 8, 9, 100, 257, 1000, 4099}) {
            for (int align : new int[] {1, 6, 8, 32}) {
                for (int parts : new int[] {1, 2, 3, 5}) {
                    for (double lead : new double[] {0, 0.01, 0.2, 0.5, 3}) {
                        int[] b = Parallel.bounds(n, align, parts, lead);
                        String at = "n=" + n + " align=" + align + " parts=" + parts + " lead=" + lead;
                        assertEquals(0, b[0], at);
                        assertEquals(n, b[b.length - 1], at);
                        assertTrue(b.length - 1 <= parts, at);
                        for (int t = 1; t < b.length; t++) {
                            assertTrue(b[t] > b[t - 1], at);
                            assertTrue(t == b.length - 1 || b[t] % align == 0, at);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aFailingPieceFailsTheCall() {
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            ExecutionException e = assertThrows(ExecutionException.class, () -> pool.submit(
                    () -> Parallel.forRange(100, 1, 2, (from, to) -> {
                        if (from > 0) {
                            throw new IllegalStateException("piece " + from);
                        }
                    })).get());
            assertTrue(String.valueOf(e.getCause()).contains("piece 50"), String.valueOf(e.getCause()));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void outsideAnyPoolTheCallerAndTheCommonPoolShareTheWork() {
        int expected = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(),
                ForkJoinPool.getCommonPoolParallelism() + 1));
        assertEquals(expected, Parallel.threads());
        AtomicIntegerArray seen = new AtomicIntegerArray(10_000);
        Parallel.forRange(10_000, 16, 4, (from, to) -> {
            for (int i = from; i < to; i++) {
                seen.incrementAndGet(i);
            }
        });
        for (int i = 0; i < 10_000; i++) {
            assertEquals(1, seen.get(i));
        }
    }
}
