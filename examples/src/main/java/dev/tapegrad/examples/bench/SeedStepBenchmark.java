package dev.tapegrad.examples.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** JMH: the seed step through nn ({@link NnSeedStep}) and on raw tensors ({@link SeedStep}), microseconds per step. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class SeedStepBenchmark {
    private final NnSeedStep step = new NnSeedStep(1);
    private final SeedStep raw = new SeedStep(1);

    /** One step through the public nn API, the figure compared with PyTorch. */
    @Benchmark
    public double seedStep() {
        return step.step();
    }

    /** The same step recorded on raw tensors, for the cost of nn's layers. */
    @Benchmark
    public double seedStepRaw() {
        return raw.step();
    }
}
