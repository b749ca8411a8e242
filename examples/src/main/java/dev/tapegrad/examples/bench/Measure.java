package dev.tapegrad.examples.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
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
     * Median seconds per call of {@code work}, after {@code warmupSeconds} of calls, over {@code samples}
     * samples, timed by {@code clock} (nanoseconds: wall time, or the calling thread's CPU time).
     */
    static double medianSeconds(LongSupplier clock, DoubleSupplier work, double warmupSeconds, int samples,
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
        for (int i = 0; i < samples; i++) {
            long t0 = clock.getAsLong();
            for (long j = 0; j < batch; j++) {
                s += work.getAsDouble();
            }
            t[i] = (clock.getAsLong() - t0) / 1e9 / batch;
        }
        sink = s;
        Arrays.sort(t);
        return samples % 2 == 1 ? t[samples / 2] : (t[samples / 2 - 1] + t[samples / 2]) / 2;
    }

    /** Wall-clock nanoseconds. */
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
    static double inPool(int threads, java.util.concurrent.Callable<Double> task) {
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
