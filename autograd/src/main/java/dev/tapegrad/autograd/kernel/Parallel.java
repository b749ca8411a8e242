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

    /** {@link #threadsFor(double)} for an array op over {@code n} elements. */
    public static int threadsForElements(int n) {
        return threadsFor(n * NANOS_PER_ELEMENT);
    }

    /**
     * Runs {@code body} over {@code [0, n)} cut into at most {@code parts} pieces whose boundaries are
     * multiples of {@code align}; the calling thread runs the first piece and waits for the others,
     * which run in the current pool (the common pool outside any). An empty range runs nothing.
     * Exceptions from a piece are rethrown here.
     */
    public static void forRange(int n, int align, int parts, Range body) {
        if (n <= 0) {
            return;
        }
        int per = (n + parts - 1) / Math.max(1, parts);
        per = (per + align - 1) / align * align;
        if (parts <= 1 || per >= n) {
            body.run(0, n);
            return;
        }
        int count = (n + per - 1) / per;
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[count];
        for (int t = 1; t < count; t++) {
            int from = t * per;
            int to = Math.min(n, from + per);
            tasks[t] = ForkJoinTask.adapt(() -> body.run(from, to)).fork();
        }
        body.run(0, per);
        // Joined newest first: a piece no worker took yet is then at the top of the queue, and join runs it here.
        for (int t = count - 1; t >= 1; t--) {
            tasks[t].join();
        }
    }
}
