package dev.tapegrad.examples.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the scalar graphs, nanoseconds per op (forward and backward). Run with {@code -prof gc} for
 * bytes per op: {@code gc.alloc.rate.norm} is already per op, thanks to {@code OperationsPerInvocation}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScalarBenchmark {
    /** Ops per {@link ScalarMlp#run()}: checked against the run's own count at setup. */
    static final int MLP_OPS = 1_003_331;

    private final ScalarMlp mlp = new ScalarMlp(1);

    /** The chain {@code v = v * w + w}, 1M ops. */
    @Benchmark
    @OperationsPerInvocation(ScalarChain.OPS)
    public double scalarChain() {
        return ScalarChain.run();
    }

    /** The 50-100-100-1 scalar MLP on 33 samples. */
    @Benchmark
    @OperationsPerInvocation(MLP_OPS)
    public double scalarMlp() {
        return mlp.run();
    }

    /** The chain's forward half alone (recording, no backward), per op; the rest of a full pass is the sweep. */
    @Benchmark
    @OperationsPerInvocation(ScalarChain.OPS)
    public double scalarChainForward() {
        return ScalarChain.forward();
    }

    /** The scalar MLP's forward half alone, per op. */
    @Benchmark
    @OperationsPerInvocation(MLP_OPS)
    public double scalarMlpForward() {
        return mlp.forward();
    }

    /** Fails the run if the network no longer records {@link #MLP_OPS} ops, which would skew the per-op figure. */
    @Setup
    public void checkOps() {
        mlp.run();
        if (mlp.lastOps() != MLP_OPS) {
            throw new IllegalStateException("scalar MLP records " + mlp.lastOps() + " ops; update MLP_OPS");
        }
    }
}
