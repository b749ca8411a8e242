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

/** JMH: the wide MLP step through nn ({@link NnWideMlp}) on 1 and 2 threads, milliseconds per step. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class WideMlpBenchmark {
    @Param({"1", "2"})
    int threads;

    private final NnWideMlp mlp = new NnWideMlp(1);
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

    /** One training step inside the pool. */
    @Benchmark
    public double wideMlp() {
        return pool.submit(mlp::step).join();
    }
}
