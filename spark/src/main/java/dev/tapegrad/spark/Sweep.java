package dev.tapegrad.spark;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Many trainings as one Spark job: each {@link TrainingSpec} becomes a task that builds its network,
 * trains it with the {@code Trainer} on an executor and returns one row. Each row's training figures
 * are bit-identical to {@link TrainingSpec#run()} in a single JVM, whatever the number of partitions
 * or executors, and a retried task gives the same row (only {@code wall_ms} differs).
 */
public final class Sweep {
    /** The result's columns: the spec's values, then the outcome's. */
    public static final StructType SCHEMA = new StructType()
            .add("data", DataTypes.StringType, false)
            .add("layout", DataTypes.StringType, false)
            .add("hidden", DataTypes.StringType, false)
            .add("output", DataTypes.StringType, false)
            .add("init", DataTypes.StringType, false)
            .add("seed", DataTypes.LongType, false)
            .add("optimizer", DataTypes.StringType, false)
            .add("lr", DataTypes.DoubleType, false)
            .add("loss_fn", DataTypes.StringType, false)
            .add("batch", DataTypes.IntegerType, false)
            .add("max_epochs", DataTypes.IntegerType, false)
            .add("target_accuracy", DataTypes.DoubleType, false)
            .add("fold", DataTypes.IntegerType, false)
            .add("folds", DataTypes.IntegerType, false)
            .add("epochs_to_target", DataTypes.IntegerType, true)
            .add("epochs", DataTypes.IntegerType, false)
            .add("loss", DataTypes.DoubleType, false)
            .add("accuracy", DataTypes.DoubleType, false)
            .add("held_out_accuracy", DataTypes.DoubleType, false)
            .add("stop_reason", DataTypes.StringType, false)
            .add("wall_ms", DataTypes.DoubleType, false);

    private Sweep() {}

    /**
     * Runs every spec as a Spark task, {@code partitions} slices of the list (each task runs its slice's
     * specs one after another), and returns one row per spec in the list's order, with the columns of
     * {@link #SCHEMA}. The rows are computed once and cached, so filtering or saving them does not
     * train again.
     *
     * @throws IllegalArgumentException if there are no specs or {@code partitions} is not positive
     */
    public static Dataset<Row> run(SparkSession spark, List<TrainingSpec> specs, int partitions) {
        Objects.requireNonNull(spark, "Sweep: spark");
        Objects.requireNonNull(specs, "Sweep: specs");
        checkArgument(!specs.isEmpty(), "Sweep: no training specs");
        checkArgument(partitions > 0, "Sweep: partitions must be positive, got %s", partitions);
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(List.copyOf(specs), Math.min(partitions, specs.size()))
                .map(Sweep::row);
        return spark.createDataFrame(rows, SCHEMA).cache();
    }

    /** Runs {@code spec} and lays out its row. */
    static Row row(TrainingSpec spec) {
        Outcome o = spec.run();
        ModelSpec m = spec.model();
        return RowFactory.create(spec.data().name(), m.layout(), m.hidden(), m.output(), m.init(), m.seed(),
                spec.optimizer().name(), spec.optimizer().learningRate(), spec.loss().cliName(), spec.batchSize(),
                spec.epochs(), spec.targetAccuracy(), spec.fold(), spec.folds(), o.epochsToTarget(), o.epochs(),
                o.loss(), o.accuracy(), o.heldOutAccuracy(), o.stopReason(), o.wallMillis());
    }
}
