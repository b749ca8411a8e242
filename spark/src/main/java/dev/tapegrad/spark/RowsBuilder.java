package dev.tapegrad.spark;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The settings every distributed training over a table of rows shares: the session, the model, the
 * loss, the data and its columns, how labels become targets, and the partition count. The builders of
 * {@link DataParallel} and {@link LocalSgd} extend it with their own settings.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class RowsBuilder<B extends RowsBuilder<B>> {
    final String owner;
    final SparkSession spark;
    final ModelFactory factory;
    final LossKind loss;
    Dataset<Row> data;
    String featuresCol;
    String labelCol;
    int inputWidth;
    Labels labels;
    int partitions;

    RowsBuilder(String owner, SparkSession spark, ModelFactory factory, LossKind loss) {
        this.owner = owner;
        this.spark = Objects.requireNonNull(spark, owner + ": spark");
        this.factory = Objects.requireNonNull(factory, owner + ": model factory");
        this.loss = Objects.requireNonNull(loss, owner + ": loss");
        if (factory instanceof ModelSpec m) {
            this.inputWidth = m.sizes()[0];
        }
    }

    /** This builder, as its concrete type. */
    abstract B self();

    /** The rows: a features column ({@code array<double>} or ML {@code Vector}) and a label column. */
    public B data(Dataset<Row> data, String featuresCol, String labelCol) {
        this.data = Objects.requireNonNull(data, owner + ": data");
        this.featuresCol = Objects.requireNonNull(featuresCol, owner + ": features column");
        this.labelCol = Objects.requireNonNull(labelCol, owner + ": label column");
        return self();
    }

    /** The number of features the model takes; taken from a {@link ModelSpec} when not set. */
    public B inputWidth(int width) {
        checkArgument(width > 0, "%s: input width must be positive, got %s", owner, width);
        this.inputWidth = width;
        return self();
    }

    /** How labels become target rows. */
    public B labels(Labels labels) {
        this.labels = Objects.requireNonNull(labels, owner + ": labels");
        return self();
    }

    /** How many partitions the data is laid out in (contiguous ranges of rows; one worker each). */
    public B partitions(int partitions) {
        checkArgument(partitions > 0, "%s: partitions must be positive, got %s", owner, partitions);
        this.partitions = partitions;
        return self();
    }

    /** Checks that every shared setting was given, naming the missing one and how to give it. */
    void checkComplete() {
        checkArgument(data != null, "%s: no data; call data(dataset, featuresColumn, labelColumn)", owner);
        checkArgument(labels != null, "%s: no labels; call labels(Labels.oneHot(k)), binary() or values()", owner);
        checkArgument(inputWidth > 0, "%s: the input width is unknown; call inputWidth(n)", owner);
        checkArgument(partitions > 0, "%s: no partition count; call partitions(p)", owner);
    }
}
