package dev.tapegrad.examples.bench;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: {@link MatmulBenchmark} without the Vector API module, so Gemm runs its scalar fallback
 * kernel: milliseconds per 1024 x 1024 product; GFLOP/s = 2.147 / ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScalarMatmulBenchmark {
    @Param({"1", "2"})
    int threads;

    private final Matmul mm = new Matmul(1024);
    private ForkJoinPool pool;

    /** A pool of {@code threads} threads for the run: the kernels use as many threads as it has. */
    @Setup
    public void start() {
        pool = new ForkJoinPool(threads);
    }

    /** Shuts the pool down. */
    @TearDown
    public void stop() {
        pool.shutdown();
    }

    /** One product with the scalar kernel. */
    @Benchmark
    public double matmul() {
        return pool.submit(mm::run).join();
    }
}
