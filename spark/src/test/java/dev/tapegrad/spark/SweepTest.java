package dev.tapegrad.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep's rows against the same runs in this JVM, with different partition counts and a failed task. */
class SweepTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
    }

    private static List<TrainingSpec> specs(TaskData data) {
        List<TrainingSpec> specs = new ArrayList<>();
        for (long seed = 1; seed <= 2; seed++) {
            for (double lr : new double[] {2, 5}) {
                specs.add(TrainingSpec.fullBatch(data, ModelSpec.sigmoid(seed, 2, 8, 1), OptimizerSpec.sgd(lr),
                        LossKind.BCE, 1000, 1.0));
            }
        }
        specs.add(new TrainingSpec(data, ModelSpec.sigmoid(9, 2, 8, 1), OptimizerSpec.adam(0.05), LossKind.BCE, 2,
                300, 1.0, 0, 1));
        return specs;
    }

    private static void assertSameAsLocal(List<TrainingSpec> specs, List<Outcome> local, List<Row> rows) {
        assertEquals(specs.size(), rows.size());
        for (int i = 0; i < specs.size(); i++) {
            Outcome o = local.get(i);
            Row r = rows.get(i);
            assertEquals(specs.get(i).model().seed(), r.getLong(r.fieldIndex("seed")));
            assertEquals(o.epochs(), r.getInt(r.fieldIndex("epochs")));
            assertEquals(o.epochsToTarget(), r.get(r.fieldIndex("epochs_to_target")));
            assertEquals(Double.doubleToRawLongBits(o.loss()),
                    Double.doubleToRawLongBits(r.getDouble(r.fieldIndex("loss"))), "loss bits of spec " + i);
            assertEquals(o.accuracy(), r.getDouble(r.fieldIndex("accuracy")));
            assertEquals(o.stopReason(), r.getString(r.fieldIndex("stop_reason")));
        }
    }

    @Test
    void rowsAreBitIdenticalToSingleJvmRunsWhateverThePartitioning() {
        List<TrainingSpec> specs = specs(new BitsParity(2));
        List<Outcome> local = specs.stream().map(TrainingSpec::run).toList();
        Dataset<Row> one = Sweep.run(spark, specs, 1);
        assertSameAsLocal(specs, local, one.collectAsList());
        assertSameAsLocal(specs, local, Sweep.run(spark, specs, 3).collectAsList());
        // The result is a Dataset to query like any other.
        long reached = local.stream().filter(o -> o.epochsToTarget() != null).count();
        assertTrue(reached > 0, "some 2-bit run reaches 100%");
        assertEquals(reached, one.filter("epochs_to_target is not null").count());
    }

    @Test
    void foldsHoldOutEveryKthRow() {
        TrainingSpec base = TrainingSpec.fullBatch(new BitsParity(3), ModelSpec.sigmoid(1, 3, 8, 1),
                OptimizerSpec.sgd(5), LossKind.BCE, 300, 1.0);
        List<TrainingSpec> specs = List.of(base.withFold(0, 4), base.withFold(3, 4));
        List<Row> rows = Sweep.run(spark, specs, 2).collectAsList();
        for (int i = 0; i < 2; i++) {
            double held = rows.get(i).getDouble(rows.get(i).fieldIndex("held_out_accuracy"));
            assertEquals(specs.get(i).run().heldOutAccuracy(), held);
            // Two held-out rows per fold: the accuracy is a multiple of a half.
            assertEquals(0.0, held * 2 % 1, 1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> base.withFold(4, 4));
    }

    /** Parity data whose first attempt at one spec's task throws, as a lost executor would. */
    record Flaky(int bits, String marker) implements TaskData {
        @Override
        public String name() {
            return "flaky-" + bits;
        }

        @Override
        public double[][] features() {
            TaskContext ctx = TaskContext.get();
            if (ctx != null && ctx.partitionId() == 1 && ctx.attemptNumber() == 0) {
                try {
                    Files.writeString(Path.of(marker), "failed once");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                throw new IllegalStateException("first attempt of partition 1 fails on purpose");
            }
            return new BitsParity(bits).features();
        }

        @Override
        public double[][] targets() {
            return new BitsParity(bits).targets();
        }
    }

    @Test
    void aRetriedTaskGivesTheSameRows(@TempDir Path dir) {
        Path marker = dir.resolve("failed");
        List<TrainingSpec> specs = specs(new Flaky(2, marker.toString()));
        List<Row> rows = Sweep.run(spark, specs, 3).collectAsList();
        assertTrue(Files.exists(marker), "the first attempt of partition 1 failed");
        assertSameAsLocal(specs, specs.stream().map(TrainingSpec::run).toList(), rows);
    }
}
