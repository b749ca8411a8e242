package dev.tapegrad.spark;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * A dataset checked and laid out for training: every row validated before any training starts (the
 * first bad row, in the dataset's order, is reported), then split into {@code partitions} contiguous
 * ranges of rows, each stacked into one cached {@link Block}. The layout depends only on the rows and
 * the partition count, not on how the input was partitioned.
 */
final class TrainingData {
    private final JavaRDD<Block> blocks;
    private final long rows;
    private final int partitions;

    private TrainingData(JavaRDD<Block> blocks, long rows, int partitions) {
        this.blocks = blocks;
        this.rows = rows;
        this.partitions = partitions;
    }

    /** A row's index and what is wrong with it. */
    record Problem(long row, String message) implements Serializable, Comparable<Problem> {
        @Override
        public int compareTo(Problem o) {
            return Long.compare(row, o.row);
        }
    }

    /**
     * Validates and lays out {@code data}.
     *
     * @throws IllegalArgumentException naming the column and the row of the first bad row, or if there
     *     are fewer rows than partitions
     */
    static TrainingData prepare(Dataset<Row> data, RowReader reader, int partitions) {
        checkArgument(partitions > 0, "partitions must be positive, got %s", partitions);
        JavaPairRDD<Row, Long> indexed = data.javaRDD().zipWithIndex();
        List<Problem> first = indexed.flatMap(t -> {
            String p = reader.problem(t._1(), t._2());
            return (p == null ? List.<Problem>of() : List.of(new Problem(t._2(), p))).iterator();
        }).takeOrdered(1, (Comparator<Problem> & Serializable) Comparator.naturalOrder());
        if (!first.isEmpty()) {
            throw new IllegalArgumentException(first.get(0).message());
        }
        long n = indexed.count();
        checkArgument(n >= partitions, "%s rows cannot fill %s partitions; use at most %s", n, partitions, n);
        JavaRDD<Block> blocks = indexed.mapToPair(t -> new Tuple2<>(t._2(), t._1()))
                .partitionBy(new Ranges(partitions, n))
                .mapPartitionsWithIndex((p, it) -> List.of(stack(p, it, reader)).iterator(), true)
                .persist(StorageLevel.MEMORY_AND_DISK());
        blocks.count();
        return new TrainingData(blocks, n, partitions);
    }

    private static Block stack(int partition, Iterator<Tuple2<Long, Row>> it, RowReader reader) {
        List<Tuple2<Long, Row>> rows = new ArrayList<>();
        it.forEachRemaining(rows::add);
        rows.sort(Comparator.comparingLong(Tuple2::_1));
        int in = reader.width();
        int out = reader.labels().width();
        double[] x = new double[rows.size() * in];
        double[] y = new double[rows.size() * out];
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i)._2();
            System.arraycopy(reader.features(r), 0, x, i * in, in);
            reader.labels().write(reader.label(r), y, i * out);
        }
        return new Block(partition, rows.size(), in, out, x, y);
    }

    /** Row {@code i} of {@code n} goes to partition {@code i * p / n}: contiguous, nearly equal ranges. */
    static final class Ranges extends Partitioner {
        private static final long serialVersionUID = 1L;
        private final int partitions;
        private final long rows;

        Ranges(int partitions, long rows) {
            this.partitions = partitions;
            this.rows = rows;
        }

        @Override
        public int numPartitions() {
            return partitions;
        }

        @Override
        public int getPartition(Object key) {
            return (int) ((Long) key * partitions / rows);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Ranges r && r.partitions == partitions && r.rows == rows;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(rows) * 31 + partitions;
        }
    }

    JavaRDD<Block> blocks() {
        return blocks;
    }

    long rows() {
        return rows;
    }

    int partitions() {
        return partitions;
    }

    void release() {
        blocks.unpersist(false);
    }
}
