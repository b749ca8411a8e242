package dev.tapegrad.autograd.kernel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Splitting a kernel's work over threads. A kernel uses as many threads as the {@link ForkJoinPool}
 * it runs in allows: inside a pool's task, that pool's parallelism; elsewhere, the common pool's
 * parallelism plus the calling thread, which does one share itself. So the thread count is chosen by
 * the caller without any global setting: run a computation inside {@code new ForkJoinPool(1)} to keep
 * every kernel on one thread, or inside {@code new ForkJoinPool(2)} for two. Internal.
 *
 * <p>Kernels split only along output elements (rows or columns of a product, ranges of an
 * elementwise map) at fixed alignments, so each output element is computed by the same instructions in
 * the same order whatever the thread count: results are bit-for-bit identical on 1 or N threads.
 */
public final class Parallel {
    private Parallel() {}

    /** The body of a split loop over the half-open range {@code [from, to)}. */
    @FunctionalInterface
    public interface Range {
        /** Processes {@code [from, to)}. */
        void run(int from, int to);
    }

    /** How many threads a kernel called now may use (at least 1). */
    public static int threads() {
        ForkJoinPool pool = ForkJoinTask.getPool();
        if (pool != null) {
            return Math.max(1, pool.getParallelism());
        }
        int cpus = Runtime.getRuntime().availableProcessors();
        return Math.max(1, Math.min(cpus, ForkJoinPool.getCommonPoolParallelism() + 1));
    }

    /**
     * How many threads to split work over that takes about {@code estimatedNanos} on one thread:
     * {@link #threads()} where halving it gains more than handing a piece to another thread costs on
     * this machine (measured once, see {@code Handoff}), else 1. Splitting a piece too small for the
     * handoff made it slower, not faster.
     */
    public static int threadsFor(double estimatedNanos) {
        int threads = threads();
        return threads > 1 && Handoff.worthSplitting(estimatedNanos, Handoff.nanos()) ? threads : 1;
    }

    /**
     * What an array op costs per element when deciding a split: the cheap end (an add into a fresh
     * array took 1.2 to 2.3 ns per element on an Intel Xeon; a sigmoid about 5), so that a split is
     * never asked for where the work is smaller than thought.
     */
    static final double NANOS_PER_ELEMENT = 1.5;

    /** What an array op over {@code elements} elements is assumed to take on one thread, in nanoseconds. */
    public static double elementNanos(int elements) {
        return elements * NANOS_PER_ELEMENT;
    }

    /**
     * Runs {@code body} over {@code [0, n)} as {@link #forRange(int, int, int, double, Range)} does, on
     * the threads {@link #threadsFor(double)} finds the work worth.
     */
    public static void forWork(int n, int align, double estimatedNanos, Range body) {
        forRange(n, align, threadsFor(estimatedNanos), estimatedNanos, body);
    }

    /**
     * Runs {@code body} over {@code [0, n)} cut into at most {@code parts} pieces whose boundaries are
     * multiples of {@code align}; the calling thread runs the first piece and waits for the others,
     * which run in the current pool (the common pool outside any). An empty range runs nothing.
     * Exceptions from a piece are rethrown here. The pieces are as equal as the alignment allows.
     */
    public static void forRange(int n, int align, int parts, Range body) {
        run(bounds(n, align, parts, 0), body);
    }

    /**
     * As {@link #forRange(int, int, int, Range)} for work that takes about {@code estimatedNanos} on one
     * thread: the calling thread's piece is longer, by a share of the measured handoff (see
     * {@code Handoff}), so that it is still busy when the others end instead of parked and waiting to
     * be woken, which cost about half the handoff again on a virtual machine.
     */
    public static void forRange(int n, int align, int parts, double estimatedNanos, Range body) {
        // One piece needs no lead, and one thread never asks for the handoff (nor measures it).
        double lead = parts > 1 && estimatedNanos > 0 ? Handoff.leadNanos() / estimatedNanos : 0;
        run(bounds(n, align, parts, lead), body);
    }

    /**
     * The boundaries {@code 0 = b[0] < b[1] < ... < b[count] = n} of at most {@code parts} pieces,
     * each a multiple of {@code align} but the last: the first piece is longer than each other one by
     * {@code lead} (a fraction of the whole, at most one half), the others equal.
     */
    static int[] bounds(int n, int align, int parts, double lead) {
        if (n <= 0) {
            return new int[] {0};
        }
        int p = Math.max(1, parts);
        // Equal finish: the first piece is T long, the others T - lead each, p pieces in all.
        double first = 1.0 / p + (p - 1) * Math.min(Math.max(lead, 0), 0.5) / p;
        long end = roundUp((long) Math.ceil(n * first), align);
        if (p == 1 || end >= n) {
            return new int[] {0, n};
        }
        long per = roundUp((n - end + p - 2) / (p - 1), align);
        int count = 1 + (int) ((n - end + per - 1) / per);
        int[] b = new int[count + 1];
        b[1] = (int) end;
        for (int t = 2; t <= count; t++) {
            b[t] = (int) Math.min(n, b[t - 1] + per);
        }
        return b;
    }

    private static long roundUp(long x, int align) {
        return (x + align - 1) / align * align;
    }

    private static void run(int[] b, Range body) {
        int count = b.length - 1;
        if (count <= 0) {
            return;
        }
        if (count == 1) {
            body.run(0, b[1]);
            return;
        }
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[count];
        for (int t = 1; t < count; t++) {
            int from = b[t];
            int to = b[t + 1];
            tasks[t] = ForkJoinTask.adapt(() -> body.run(from, to)).fork();
        }
        body.run(0, b[1]);
        // Joined newest first: a piece no worker took yet is then at the top of the queue, and join runs it here.
        for (int t = count - 1; t >= 1; t--) {
            tasks[t].join();
        }
    }
}
