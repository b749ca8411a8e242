package dev.tapegrad.spark.cli;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.spark.BitsParity;
import dev.tapegrad.spark.LossKind;
import dev.tapegrad.spark.ModelSpec;
import dev.tapegrad.spark.OptimizerSpec;
import dev.tapegrad.spark.Sweep;
import dev.tapegrad.spark.TrainingSpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sweep bits-parity}: N-bit parity, full batch, BCE on a sigmoid output, over every combination
 * of the listed sizes, widths, optimizers and learning rates, each with seeds 1..K.
 */
@Command(name = "bits-parity", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, sortOptions = false,
        description = "N-bit parity over all 2^N inputs: a one-hidden-layer network, BCE on a sigmoid output, "
                + "full-batch training until 100%% accuracy or the epoch budget. Lists (5,6) sweep every "
                + "combination; each configuration runs seeds 1..K. Prints, per configuration, how many seeds "
                + "reached 100%% and the median, 90th percentile and maximum epochs (nearest rank).",
        footerHeading = "%nExample:%n",
        footer = "  tapegrad-spark sweep bits-parity --bits 5 --hidden 40 --optimizer sgd --lr 5 --seeds 16")
public final class BitsParitySweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SparkOptions sparkOptions;

    @Option(names = "--bits", paramLabel = "N", split = ",", defaultValue = "5",
            description = "Input bits, 1 to 16; a list sweeps them (default: ${DEFAULT-VALUE}).")
    List<Integer> bits;

    @Option(names = "--hidden", paramLabel = "WIDTH", split = ",", defaultValue = "40",
            description = "Hidden units; a list sweeps them (default: ${DEFAULT-VALUE}).")
    List<Integer> hidden;

    @Option(names = "--optimizer", paramLabel = "NAME", split = ",", defaultValue = "sgd",
            description = "sgd or adam; a list sweeps them (default: ${DEFAULT-VALUE}).")
    List<String> optimizers;

    @Option(names = "--lr", paramLabel = "RATE", split = ",",
            description = "Learning rates; a list sweeps them (default: 5 for sgd, 0.02 for adam).")
    List<Double> rates;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "sigmoid",
            description = "Hidden activation: sigmoid or tanh (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--seeds", paramLabel = "K", defaultValue = "16",
            description = "Seeds per configuration, 1..K (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "20000",
            description = "Most full-batch epochs per training (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--partitions", paramLabel = "P",
            description = "Spark partitions (default: one per training).")
    Integer partitions;

    @Option(names = "--save", paramLabel = "DIR", description = "Also write every run's row as CSV into DIR.")
    String save;

    @Override
    public Integer call() {
        checkArgument(seeds > 0, "--seeds must be positive, got %s", seeds);
        checkArgument(epochs > 0, "--epochs must be positive, got %s", epochs);
        checkArgument(List.of("sigmoid", "tanh").contains(activation), "--activation must be sigmoid or tanh, got '%s'",
                activation);
        Map<String, List<TrainingSpec>> configs = new LinkedHashMap<>();
        for (int b : bits) {
            for (int h : hidden) {
                checkArgument(h > 0, "--hidden must be positive, got %s", h);
                for (String opt : optimizers) {
                    checkArgument(opt.equals("sgd") || opt.equals("adam"), "--optimizer must be sgd or adam, got '%s'",
                            opt);
                    for (double lr : rates == null ? List.of(opt.equals("adam") ? 0.02 : 5.0) : rates) {
                        checkArgument(lr > 0 && Double.isFinite(lr), "--lr must be positive, got %s", lr);
                        String key = String.format(Locale.ROOT, "bits %d, hidden %d %s, %s lr %s", b, h, activation,
                                opt, plain(lr));
                        List<TrainingSpec> list = new ArrayList<>();
                        for (long seed = 1; seed <= seeds; seed++) {
                            ModelSpec model = new ModelSpec(new int[] {b, h, 1}, activation, "sigmoid", "default", seed);
                            OptimizerSpec o = opt.equals("adam") ? OptimizerSpec.adam(lr) : OptimizerSpec.sgd(lr);
                            list.add(TrainingSpec.fullBatch(new BitsParity(b), model, o, LossKind.BCE, epochs, 1.0));
                        }
                        configs.put(key, list);
                    }
                }
            }
        }
        List<TrainingSpec> all = configs.values().stream().flatMap(List::stream).toList();
        PrintWriter out = spec.commandLine().getOut();
        SparkSession spark = sparkOptions.start("tapegrad sweep bits-parity");
        long start = System.nanoTime();
        Dataset<Row> rows = Sweep.run(spark, all, partitions == null ? all.size() : partitions);
        List<Row> collected = rows.collectAsList();
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "%d trainings in %.1f s on %s (%d cores): %.2f trainings/s%n", all.size(), seconds,
                spark.sparkContext().master(), spark.sparkContext().defaultParallelism(), all.size() / seconds);
        int missed = 0;
        int at = 0;
        for (Map.Entry<String, List<TrainingSpec>> e : configs.entrySet()) {
            List<Row> mine = collected.subList(at, at + e.getValue().size());
            at += e.getValue().size();
            int[] reached = mine.stream().filter(r -> !r.isNullAt(r.fieldIndex("epochs_to_target")))
                    .mapToInt(r -> r.getInt(r.fieldIndex("epochs_to_target"))).toArray();
            missed += mine.size() - reached.length;
            out.printf(Locale.ROOT, "%s: reached %d/%d", e.getKey(), reached.length, mine.size());
            if (reached.length > 0) {
                out.printf(Locale.ROOT, ", epochs median %,d, p90 %,d, max %,d", Stats.percentile(reached, 50),
                        Stats.percentile(reached, 90), Stats.percentile(reached, 100));
            }
            out.println();
        }
        if (save != null) {
            rows.coalesce(1).write().mode(SaveMode.Overwrite).option("header", "true").csv(save);
            out.println("rows written to " + save);
        }
        out.flush();
        return missed == 0 ? 0 : 1;
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
