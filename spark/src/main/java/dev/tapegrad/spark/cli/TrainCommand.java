package dev.tapegrad.spark.cli;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.nn.Lbfgs;
import dev.tapegrad.spark.DataParallel;
import dev.tapegrad.spark.Labels;
import dev.tapegrad.spark.LossKind;
import dev.tapegrad.spark.ModelSpec;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train}: full-batch L-BFGS through Spark on a CSV file's rows. */
@Command(name = "train", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, sortOptions = false,
        description = "Classify the rows of a CSV file (with a header) by one column: the other columns, "
                + "standardised, feed a one-hidden-layer tanh network with softmax cross-entropy, trained by "
                + "full-batch L-BFGS (strong-Wolfe line search) whose gradients are summed across Spark "
                + "partitions. Prints each iteration's loss and the final accuracy on the rows.",
        footerHeading = "%nExample:%n",
        footer = "  tapegrad-spark train --data iris.csv --target species --partitions 4")
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SparkOptions sparkOptions;

    @Option(names = "--data", paramLabel = "FILE.csv", required = true, description = "The CSV file, with a header.")
    String data;

    @Option(names = "--target", paramLabel = "COLUMN", required = true,
            description = "The column to predict: class labels, as numbers or text.")
    String target;

    @Option(names = "--partitions", paramLabel = "P", defaultValue = "2",
            description = "Partitions the rows are split into (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--hidden", paramLabel = "WIDTH", defaultValue = "16",
            description = "Hidden units (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "50",
            description = "L-BFGS iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
            description = "Seed of the initial weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        checkArgument(partitions > 0, "--partitions must be positive, got %s", partitions);
        checkArgument(hidden > 0, "--hidden must be positive, got %s", hidden);
        checkArgument(iterations > 0, "--iterations must be positive, got %s", iterations);
        PrintWriter out = spec.commandLine().getOut();
        SparkSession spark = sparkOptions.start("tapegrad train");
        long start = System.nanoTime();
        CsvTable table = CsvTable.read(spark, data, target);
        int classes = table.classes.size();
        ModelSpec model = new ModelSpec(new int[] {table.features.size(), hidden, classes}, "tanh", "none", "default",
                seed);
        try (DataParallel dp = DataParallel.builder(spark, model, LossKind.CROSS_ENTROPY)
                .data(table.rows, "features", "label").labels(Labels.oneHot(classes)).partitions(partitions).build()) {
            out.printf(Locale.ROOT, "%s: %d rows, %d features, %d classes %s; network %s, %d partitions%n", data,
                    dp.rows(), table.features.size(), classes, table.classes, model.layout(), partitions);
            // One iteration per step, so each iteration's loss can be printed as it comes.
            Lbfgs lbfgs = Lbfgs.builder(dp.model().parameters()).lineSearch(Lbfgs.LineSearch.STRONG_WOLFE).maxIter(1)
                    .build();
            for (int i = 1; i <= iterations; i++) {
                double loss = dp.fit(lbfgs, 1)[0];
                out.printf(Locale.ROOT, "iteration %3d  loss %.6f%n", i, loss);
                out.flush();
            }
            double[] g = new double[dp.model().parameters().stream().mapToInt(p -> p.size()).sum()];
            double finalLoss = dp.lossAndGradient(g);
            double accuracy = dp.accuracy();
            out.printf(Locale.ROOT, "final loss %.6f, accuracy %.4f (%d of %d rows), %.1f s%n", finalLoss, accuracy,
                    Math.round(accuracy * dp.rows()), dp.rows(), (System.nanoTime() - start) / 1e9);
        }
        out.flush();
        return 0;
    }
}
