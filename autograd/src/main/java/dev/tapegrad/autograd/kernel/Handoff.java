package dev.tapegrad.autograd.kernel;

import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.locks.LockSupport;

/**
 * What handing half of a piece of work to another thread costs on this machine, and so whether a
 * piece is worth splitting. Waking a parked worker is a few microseconds on a bare-metal machine and
 * about a hundred in a small virtual machine, whose idle virtual CPU the host must schedule again:
 * there a product of a hundred microseconds ran slower on two threads than on one. So the cost is
 * measured once, when the first piece large enough to consider splitting comes, in a short
 * calibration of about fifteen milliseconds; the system property {@code tapegrad.handoffNanos} sets it
 * instead. Where a split happens changes no result, so neither does this measurement.
 */
final class Handoff {
    private Handoff() {}

    /** The cost assumed where it cannot be measured: a virtual machine's, so that splits stay rare. */
    static final long FALLBACK_NANOS = 100_000;
    /** Measured costs are kept within these bounds: below, a timer's resolution; above, a stall. */
    static final long MIN_NANOS = 1_000;
    static final long MAX_NANOS = 2_000_000;

    private static final int ROUNDS = 11;
    private static final long PART_NANOS = 50_000;
    // A pause between rounds, as between the products of a training step, lets the worker park.
    private static final long GAP_NANOS = 50_000;

    /** The measured (or configured) cost of one handoff, in nanoseconds. */
    static long nanos() {
        return Measured.NANOS;
    }

    /**
     * How much longer, in time, the calling thread's piece is made than the others', in nanoseconds:
     * a third of {@link #nanos()}, so that the calling thread is still busy when the others end rather
     * than parked and waiting to be woken, which took about half the handoff on an Intel Xeon virtual machine (there
     * a third made split products 8 to 17% faster than equal pieces; the best lead measured 0.3 to
     * 0.4 of the handoff). 0 where the cost is configured rather than measured.
     */
    static long leadNanos() {
        return Measured.LEAD;
    }

    /**
     * Whether work estimated at {@code estimatedNanos} on one thread gains from a split whose
     * handoff costs {@code handoffNanos}: two halves take half the time plus the handoff, which pays
     * from twice the handoff on.
     */
    static boolean worthSplitting(double estimatedNanos, long handoffNanos) {
        return estimatedNanos >= 2.0 * handoffNanos;
    }

    // Holder: the calibration runs at the first piece worth splitting, not when the kernel classes load.
    private static final class Measured {
        static final long NANOS;
        static final long LEAD;

        static {
            long[] costs = configuredOrMeasured(System.getProperty("tapegrad.handoffNanos"));
            NANOS = costs[0];
            LEAD = costs[1];
        }
    }

    /** {handoff, lead} nanoseconds: the property's handoff and no lead, or the measured handoff and its lead. */
    static long[] configuredOrMeasured(String property) {
        if (property != null) {
            try {
                return new long[] {Math.max(0, Long.parseLong(property.trim())), 0};
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("tapegrad.handoffNanos: expected a whole number of nanoseconds, got '"
                        + property + "'", e);
            }
        }
        return Runtime.getRuntime().availableProcessors() < 2 ? new long[] {FALLBACK_NANOS, 0} : measure();
    }

    /**
     * {handoff, lead}: the median, over a few rounds in a two-thread pool of its own, of how much
     * longer two halves of busy work take side by side than one half alone, and a third of it;
     * {@link #FALLBACK_NANOS} and no lead where that fails.
     */
    static long[] measure() {
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            long handoff = Math.max(MIN_NANOS, Math.min(MAX_NANOS, median(pool.submit(Handoff::rounds).get())));
            return new long[] {handoff, handoff / 3};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new long[] {FALLBACK_NANOS, 0};
        } catch (ExecutionException | RuntimeException e) {
            return new long[] {FALLBACK_NANOS, 0};
        } finally {
            pool.shutdownNow();
        }
    }

    private static long[] rounds() {
        long[] extra = new long[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            LockSupport.parkNanos(GAP_NANOS);
            long t0 = System.nanoTime();
            ForkJoinTask<?> other = ForkJoinTask.adapt(() -> busy(PART_NANOS)).fork();
            busy(PART_NANOS);
            other.join();
            extra[r] = System.nanoTime() - t0 - PART_NANOS;
        }
        return extra;
    }

    private static void busy(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    static long median(long[] x) {
        long[] v = x.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
