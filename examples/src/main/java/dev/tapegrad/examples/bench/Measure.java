package dev.tapegrad.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/** Quick timing for the bench command: warm up for a while, then the median of timed samples. */
final class Measure {
    private Measure() {}

    /** Sink for results, so the JIT cannot drop the work. */
    static volatile double sink;

    /**
     * A median time per call, and the median over the samples of the share of the measuring thread's
     * CPU time that the operating system's kernel took (page faults, mostly: a heap still growing, or
     * memory compacted into huge pages). A sample or two stalled in the kernel leave the median time
     * alone; a large median share means the figure times the kernel, not the work.
     *
     * @param seconds     median seconds per call
     * @param kernelShare median kernel time over CPU time of the measuring thread, in [0, 1]; NaN where
     *                    the JVM cannot tell or the samples are too short to tell
     */
    record Timing(double seconds, double kernelShare) {
        /**
         * Above this kernel share a figure is reported with a warning: high enough that ticks of user
         * time (a tenth of a 0.1 s sample) never reach it for work that makes no system calls.
         */
        static final double SUSPECT = 0.5;

        /** A warning for the figure {@code name}, if the kernel took more than {@link #SUSPECT} of its time. */
        Optional<String> warning(String name) {
            if (!(kernelShare > SUSPECT)) {
                return Optional.empty();
            }
            return Optional.of(String.format("note: while %s was measured, the operating system's kernel took %.0f%% of"
                    + " the thread's CPU time (page faults: a heap still growing, or memory being compacted into huge"
                    + " pages), so the figure times the kernel more than the work; run again, or give java a fixed"
                    + " heap (-Xms equal to -Xmx) with -XX:+AlwaysPreTouch", name, 100 * kernelShare));
        }
    }

    /**
     * The median time per call of {@code work}, after {@code warmupSeconds} of calls, over {@code samples}
     * samples, timed by {@code clock} (nanoseconds: wall time, or the calling thread's CPU time); with the
     * median of the kernel's share of the calling thread's CPU time in each sample.
     */
    static Timing medianSeconds(LongSupplier clock, DoubleSupplier work, double warmupSeconds, int samples,
                                double sampleSeconds) {
        long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        long calls = 0;
        long start = System.nanoTime();
        double s = 0;
        while (System.nanoTime() < warmEnd || calls == 0) {
            s += work.getAsDouble();
            calls++;
        }
        double perCall = (System.nanoTime() - start) / 1e9 / calls;
        long batch = Math.max(1, (long) (sampleSeconds / perCall));
        double[] t = new double[samples];
        double[] shares = new double[samples];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < samples; i++) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            long user0 = mx.getCurrentThreadUserTime();
            long t0 = clock.getAsLong();
            for (long j = 0; j < batch; j++) {
                s += work.getAsDouble();
            }
            t[i] = (clock.getAsLong() - t0) / 1e9 / batch;
            shares[i] = kernelShare(mx.getCurrentThreadCpuTime() - cpu0, mx.getCurrentThreadUserTime() - user0,
                    cpu0 >= 0 && user0 >= 0);
        }
        sink = s;
        return new Timing(median(t), median(shares));
    }

    // NaN sorts last, so a median of shares is NaN only where most samples had none.
    private static double median(double[] x) {
        double[] v = x.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Below this much CPU time in a sample the user time's clock ticks (10 ms on Linux) are too coarse for a share. */
    static final long SHARE_MIN_NANOS = 50_000_000L;

    /**
     * Kernel time over CPU time, from CPU and user nanoseconds; NaN where they are unknown or cover
     * less than {@link #SHARE_MIN_NANOS} (a few ticks of user time would read as a kernel share).
     */
    static double kernelShare(long cpuNanos, long userNanos, boolean known) {
        if (!known || cpuNanos < SHARE_MIN_NANOS || userNanos < 0) {
            return Double.NaN;
        }
        return Math.max(0, Math.min(1, (cpuNanos - userNanos) / (double) cpuNanos));
    }

    static long wall() {
        return System.nanoTime();
    }

    /**
     * The calling thread's CPU nanoseconds: on a machine shared with other work, a one-thread figure
     * that leaves out the time the thread waited for a core (it still includes cache and memory
     * contention, and leaves out garbage-collector threads).
     */
    static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** Bytes this thread allocates in one call of {@code work} (after the warm-up has run). */
    static double bytesPerCall(DoubleSupplier work, int calls) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        double s = 0;
        for (int i = 0; i < calls; i++) {
            s += work.getAsDouble();
        }
        long after = mx.getThreadAllocatedBytes(id);
        sink = s;
        return (after - before) / (double) calls;
    }

    /**
     * Runs {@code task} inside a fresh pool of {@code threads} threads, so every kernel it calls uses
     * at most that many (see {@code dev.tapegrad.autograd.kernel.Parallel}).
     */
    static <T> T inPool(int threads, java.util.concurrent.Callable<T> task) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bench interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("bench failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
