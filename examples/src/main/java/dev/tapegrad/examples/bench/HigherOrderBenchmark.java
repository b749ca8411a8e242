package dev.tapegrad.examples.bench;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the second-order workloads, microseconds per call: a Hessian-vector product of the wide MLP's
 * loss ({@link HvpWideMlp}) inside a one-thread pool, and the seed network's full Hessian
 * ({@link HessianSeedNet}), by {@code Functional.hessian} and batched.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class HigherOrderBenchmark {
    private final HvpWideMlp hvp = new HvpWideMlp(1);
    private final HessianSeedNet hessian = new HessianSeedNet(1);
    private ForkJoinPool pool;

    /** A one-thread pool: the kernels use as many threads as the pool they run in has. */
    @Setup
    public void start() {
        pool = new ForkJoinPool(1);
    }

    /** Shuts the pool down. */
    @TearDown
    public void stop() {
        pool.shutdown();
    }

    /** One Hessian-vector product of the wide MLP's loss, one thread. */
    @Benchmark
    public double hvpWideMlp() {
        return pool.submit(hvp::run).join();
    }

    /** The seed network's 21 x 21 Hessian as values, by {@code Functional.hessian(f, p, false)}. */
    @Benchmark
    public double hessianSeedNet() {
        return hessian.runValues();
    }

    /** The same Hessian recorded (differentiable again), by {@code Functional.hessian(f, p)}. */
    @Benchmark
    public double hessianSeedNetGraph() {
        return hessian.run();
    }

    /** The same Hessian in two sweeps over 21 copies of the network. */
    @Benchmark
    public double hessianSeedNetBatched() {
        return hessian.runBatched();
    }
}
