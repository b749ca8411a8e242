package dev.tapegrad.spark.cli;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.nn.Sequential;
import dev.tapegrad.spark.BitsParity;
import dev.tapegrad.spark.DataParallel;
import dev.tapegrad.spark.Labels;
import dev.tapegrad.spark.LossKind;
import dev.tapegrad.spark.ModelSpec;
import dev.tapegrad.spark.OptimizerSpec;
import dev.tapegrad.spark.Sweep;
import dev.tapegrad.spark.TrainingSpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: what Spark costs and buys on this machine. Sweep throughput (trainings per second) in
 * one JVM without Spark and on {@code local[c]} for each core count; then one full-batch loss and
 * gradient, in one JVM and through Spark, against the number of rows. Each figure is the best of several
 * timings, the least disturbed by other work on the machine. A measurement, not a test.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, sortOptions = false,
        description = "Measure sweep throughput on 1 and 2 local cores, and the full-batch gradient's time "
                + "through Spark against the number of rows, each beside the same work in one JVM.")
public final class BenchCommand implements Callable<Integer> {
    /** Untimed evaluations before each timing, so the JIT has compiled the path being timed. */
    private static final int WARMUP = 5;

    @Spec
    CommandSpec spec;

    @Option(names = "--cores", split = ",", defaultValue = "1,2", description = "Local core counts (default: ${DEFAULT-VALUE}).")
    List<Integer> cores;

    @Option(names = "--seeds", defaultValue = "16", description = "Trainings per sweep (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--rows", split = ",", defaultValue = "1000,10000,100000",
            description = "Row counts for the full-batch timing (default: ${DEFAULT-VALUE}).")
    List<Integer> rows;

    @Option(names = "--partitions", defaultValue = "2", description = "Partitions for the full batch (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--repeat", defaultValue = "10",
            description = "Timed gradients per row count; the fastest is shown (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--trials", defaultValue = "2",
            description = "Timed sweeps per setting; the fastest is shown (default: ${DEFAULT-VALUE}).")
    int trials;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<TrainingSpec> specs = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            specs.add(TrainingSpec.fullBatch(new BitsParity(5), ModelSpec.sigmoid(seed, 5, 40, 1), OptimizerSpec.sgd(5),
                    LossKind.BCE, 20_000, 1.0));
        }
        out.printf(Locale.ROOT, "sweep: %d trainings of 5-bit parity, 5-40-1 sigmoid, SGD lr 5, full batch to 100%%%n",
                specs.size());
        specs.subList(0, Math.min(2, specs.size())).forEach(TrainingSpec::run); // warm up the JIT
        double best = 0;
        for (int trial = 0; trial < trials; trial++) {
            long t0 = System.nanoTime();
            specs.forEach(TrainingSpec::run);
            best = Math.max(best, rate(specs.size(), t0));
        }
        out.printf(Locale.ROOT, "  one JVM, one thread, no Spark: %.2f trainings/s%n", best);
        out.flush();
        for (int c : cores) {
            SparkSession spark = SparkSession.builder().master("local[" + c + "]").appName("tapegrad bench")
                    .config("spark.ui.enabled", "false").getOrCreate();
            Sweep.run(spark, specs.subList(0, Math.min(2, specs.size())), 2).count(); // warm up the JIT and Spark
            double bestSpark = 0;
            for (int trial = 0; trial < trials; trial++) {
                long t = System.nanoTime();
                Sweep.run(spark, specs, specs.size()).count();
                bestSpark = Math.max(bestSpark, rate(specs.size(), t));
            }
            out.printf(Locale.ROOT, "  Spark local[%d]: %.2f trainings/s%n", c, bestSpark);
            out.flush();
            if (c != cores.get(cores.size() - 1)) {
                spark.stop();
            }
        }
        SparkSession spark = SparkSession.builder().getOrCreate();
        ModelSpec model = new ModelSpec(new int[] {10, 32, 3}, "tanh", "none", "default", 1);
        out.printf(Locale.ROOT, "full batch: one loss and gradient of a %s MLP, cross-entropy, %d partitions on %s%n",
                model.layout(), partitions, spark.sparkContext().master());
        out.printf(Locale.ROOT, "  %9s  %12s  %12s   (fastest of %d)%n", "rows", "one JVM ms", "Spark ms", repeat);
        for (int n : rows) {
            double[][] x = new double[n][10];
            double[] label = new double[n];
            SplittableRandom rng = new SplittableRandom(n);
            List<Row> data = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < 10; j++) {
                    x[i][j] = rng.nextDouble(-1, 1);
                }
                label[i] = x[i][0] + x[i][1] > 0 ? 2 : x[i][2] > 0 ? 1 : 0;
                data.add(RowFactory.create(x[i], label[i]));
            }
            double local = localMillis(model, x, label);
            Dataset<Row> df = spark.createDataFrame(data, new StructType()
                    .add("features", DataTypes.createArrayType(DataTypes.DoubleType)).add("label", DataTypes.DoubleType));
            try (DataParallel dp = DataParallel.builder(spark, model, LossKind.CROSS_ENTROPY)
                    .data(df, "features", "label").labels(Labels.oneHot(3)).partitions(partitions).build()) {
                double[] g = new double[dp.model().parameters().stream().mapToInt(p -> p.size()).sum()];
                for (int w = 0; w < WARMUP; w++) {
                    dp.lossAndGradient(g);
                }
                double fastest = Double.POSITIVE_INFINITY;
                for (int r = 0; r < repeat; r++) {
                    long t = System.nanoTime();
                    dp.lossAndGradient(g);
                    fastest = Math.min(fastest, (System.nanoTime() - t) / 1e6);
                }
                out.printf(Locale.ROOT, "  %9d  %12.2f  %12.2f%n", n, local, fastest);
                out.flush();
            }
        }
        return 0;
    }

    private double localMillis(ModelSpec model, double[][] x, double[] label) {
        Sequential net = model.create();
        int n = x.length;
        double[] flat = new double[n * 10];
        double[] oneHot = new double[n * 3];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x[i], 0, flat, i * 10, 10);
            oneHot[i * 3 + (int) label[i]] = 1;
        }
        double fastest = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeat + WARMUP; r++) {
            long t = System.nanoTime();
            Tape tape = new Tape();
            Scalar l = LossKind.CROSS_ENTROPY.apply(net.forward(tape.constant(Shape.of(n, 10), flat)),
                    tape.constant(Shape.of(n, 3), oneHot));
            l.backward();
            if (r >= WARMUP) {
                fastest = Math.min(fastest, (System.nanoTime() - t) / 1e6);
            }
        }
        return fastest;
    }

    private static double rate(int count, long startNanos) {
        return count / ((System.nanoTime() - startNanos) / 1e9);
    }
}
