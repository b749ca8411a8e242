package dev.tapegrad.autograd.kernel;

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
