package dev.tapegrad.examples.bench;

import dev.tapegrad.autograd.kernel.Gemm;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The quick benchmark: every workload of the performance table once, in under a minute, one line
 * each: {@code NAME MEDIAN UNIT}. The JMH classes beside it measure the same workloads with JMH's
 * rigour. The 1t figures run inside a one-thread ForkJoinPool, the 2t figures inside a two-thread
 * pool, which is how a caller chooses the kernels' thread count. Run with
 * {@code --add-modules jdk.incubator.vector} for the Vector API kernels.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs the performance workloads quickly and prints NAME MEDIAN UNIT per line.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--only", split = ",", description = "Run only these workloads (comma-separated names).")
    List<String> only;

    @Option(names = "--scale", description = "Multiply warm-up and sample times by this (default ${DEFAULT-VALUE}).")
    double scale = 1.0;

    /** What times a sample. */
    enum Clock {
        /** Wall-clock time. */
        wall,
        /** The measuring thread's CPU time. */
        cpu
    }

    @Option(names = "--clock", description = "wall (default) or cpu: the measuring thread's CPU time, for one-thread"
            + " figures on a busy machine; 2t figures always use wall time.")
    Clock clock = Clock.wall;

    private final PrintStream out;

    /** A command printing to standard output. */
    public BenchCommand() {
        this(System.out);
    }

    /** A command printing to {@code out}. */
    public BenchCommand(PrintStream out) {
        this.out = out;
    }

    /** Runs the bench command with these arguments and exits with its status. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    /** The workloads, in the order they run; {@code --only} takes these names or their prefixes. */
    static final List<String> WORKLOADS = List.of("seed-step", "scalar-mlp", "scalar-chain", "matmul-1024-1t",
            "matmul-1024-2t", "wide-mlp-1t", "wide-mlp-2t", "hvp-wide-mlp", "hessian-seed-net");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new ParameterException(spec.commandLine(), "--scale must be a positive number, got " + scale);
        }
        if (only != null) {
            for (String o : only) {
                if (WORKLOADS.stream().noneMatch(w -> w.equals(o) || w.startsWith(o + "-") || (o + "-raw").equals(w))) {
                    throw new ParameterException(spec.commandLine(), "--only: unknown workload '" + o
                            + "'; choose from " + String.join(", ", WORKLOADS) + " (or a prefix such as matmul)");
                }
            }
        }
        LongSupplier one = clock == Clock.cpu ? Measure::cpu : Measure::wall;
        if (wanted("matmul-1024-1t") || wanted("matmul-1024-2t") || wanted("wide-mlp-1t") || wanted("wide-mlp-2t")) {
            if (!Gemm.vectorized()) {
                System.err.println("note: jdk.incubator.vector is absent; matmul uses the scalar kernel"
                        + " (run java with --add-modules jdk.incubator.vector)");
            }
            HugePages.adviceHere().ifPresent(System.err::println);
        }
        if (wanted("seed-step")) {
            NnSeedStep s = new NnSeedStep(1);
            SeedStep raw = new SeedStep(1);
            Measure.Timing nn = Measure.medianSeconds(one, s::step, 3 * scale, 15, 0.1 * scale);
            print("seed-step", nn.seconds() * 1e6, "us", nn);
            Measure.Timing plain = Measure.medianSeconds(one, raw::step, 3 * scale, 15, 0.1 * scale);
            print("seed-step-raw", plain.seconds() * 1e6, "us", plain);
            print("seed-step-alloc", Measure.bytesPerCall(s::step, 10_000), "bytes");
        }
        if (wanted("scalar-mlp")) {
            ScalarMlp mlp = new ScalarMlp(1);
            Measure.Timing t = Measure.medianSeconds(one, mlp::run, 3 * scale, 11, 0.1 * scale);
            print("scalar-mlp", t.seconds() * 1e9 / mlp.lastOps(), "ns", t);
            print("scalar-mlp-alloc", Measure.bytesPerCall(mlp::run, 3) / mlp.lastOps(), "bytes");
        }
        if (wanted("scalar-chain")) {
            Measure.Timing t = Measure.medianSeconds(one, ScalarChain::run, 3 * scale, 11, 0.1 * scale);
            print("scalar-chain", t.seconds() * 1e9 / ScalarChain.OPS, "ns", t);
            print("scalar-chain-alloc", Measure.bytesPerCall(ScalarChain::run, 3) / ScalarChain.OPS, "bytes");
        }
        for (int threads = 1; threads <= 2; threads++) {
            if (wanted("matmul-1024-" + threads + "t")) {
                Matmul mm = new Matmul(1024);
                LongSupplier c = threads == 1 ? one : Measure::wall;
                Measure.Timing t = Measure.inPool(threads, () -> Measure.medianSeconds(c, mm::run, 2 * scale, 9, 0.1 * scale));
                print("matmul-1024-" + threads + "t", mm.flops() / t.seconds() / 1e9, "GFLOP/s", t);
            }
        }
        for (int threads = 1; threads <= 2; threads++) {
            if (wanted("wide-mlp-" + threads + "t")) {
                NnWideMlp w = new NnWideMlp(1);
                LongSupplier c = threads == 1 ? one : Measure::wall;
                Measure.Timing t = Measure.inPool(threads, () -> Measure.medianSeconds(c, w::step, 3 * scale, 15, 0.1 * scale));
                print("wide-mlp-" + threads + "t", t.seconds() * 1e3, "ms", t);
            }
            if (threads == 1 && wanted("wide-mlp-raw-1t")) {
                WideMlp raw = new WideMlp(1);
                Measure.Timing t = Measure.inPool(1, () -> Measure.medianSeconds(one, raw::step, 3 * scale, 15, 0.1 * scale));
                print("wide-mlp-raw-1t", t.seconds() * 1e3, "ms", t);
            }
        }
        HigherOrderFigures.run(this::wanted, one, scale, this::print);
        return 0;
    }

    private boolean wanted(String name) {
        return only == null || only.contains(name) || only.stream().anyMatch(o -> name.startsWith(o + "-"));
    }

    private void print(String name, double median, String unit) {
        out.printf("%s %.3g %s%n", name, median, unit);
        out.flush();
    }

    // The figure goes to standard output, which scripts parse; a warning about it to standard error.
    private void print(String name, double median, String unit, Measure.Timing timing) {
        print(name, median, unit);
        timing.warning(name).ifPresent(System.err::println);
    }
}
