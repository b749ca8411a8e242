package dev.tapegrad.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.nn.Adam;
import dev.tapegrad.nn.Optimizer;
import dev.tapegrad.nn.Sequential;
import dev.tapegrad.nn.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Local SGD with one partition against plain training, and with two against itself. */
class LocalSgdTest {
    private static final ModelSpec SPEC = ModelSpec.sigmoid(3, 4, 8, 1);
    private static final BitsParity TASK = new BitsParity(4);
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
    }

    private static Dataset<Row> data() {
        double[][] x = TASK.features();
        double[][] y = TASK.targets();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            List<Double> f = new ArrayList<>();
            for (double v : x[i]) {
                f.add(v);
            }
            rows.add(RowFactory.create(f, y[i][0]));
        }
        return spark.createDataFrame(rows, new StructType()
                .add("features", DataTypes.createArrayType(DataTypes.DoubleType)).add("label", DataTypes.DoubleType));
    }

    private static LocalSgd.Builder builder(OptimizerSpec opt, int partitions) {
        return LocalSgd.builder(spark, SPEC, LossKind.BCE, opt).data(data(), "features", "label")
                .labels(Labels.binary()).partitions(partitions).batchSize(4);
    }

    @Test
    void onePartitionWithAdamIsPlainTraining() {
        double[] averaged;
        Adam.State state;
        try (LocalSgd local = builder(OptimizerSpec.adam(0.05), 1).localEpochs(2).build()) {
            local.fit(3);
            averaged = Params.flatten(local.model().parameters());
            state = local.adamState();
        }
        Sequential net = SPEC.create();
        Adam adam = Adam.builder(net.parameters()).learningRate(0.05).build();
        Trainer.builder(net, adam, LossKind.BCE).data(TASK.features(), TASK.targets()).batchSize(4).epochs(6)
                .noAccuracy().build().fit();
        assertArrayEquals(Params.flatten(net.parameters()), averaged, 0.0);
        assertEquals(adam.steps(), state.steps());
        assertArrayEquals(adam.state().expAvgSq()[0], state.expAvgSq()[0], 0.0);
    }

    @Test
    void onePartitionWithShuffledSgdIsPlainTraining() {
        double[] averaged;
        try (LocalSgd local = builder(OptimizerSpec.sgd(0.5), 1).localEpochs(5).shuffle(42).build()) {
            local.round();
            averaged = Params.flatten(local.model().parameters());
        }
        Sequential net = SPEC.create();
        Optimizer sgd = OptimizerSpec.sgd(0.5).create(net.parameters());
        Trainer.builder(net, sgd, LossKind.BCE).data(TASK.features(), TASK.targets()).batchSize(4)
                .shuffle(new SplittableRandom(42)).epochs(5).noAccuracy().build().fit();
        assertArrayEquals(Params.flatten(net.parameters()), averaged, 0.0);
    }

    @Test
    void twoPartitionsAverageAndLearn() {
        try (LocalSgd local = builder(OptimizerSpec.adam(0.05), 2).localEpochs(5).build()) {
            double[] losses = local.fit(4);
            assertTrue(losses[3] < losses[0], java.util.Arrays.toString(losses));
            assertEquals(2 * 5 * 4, local.adamState().steps(), "8 rows per partition, batches of 4, 5 epochs, 4 rounds");
        }
        assertThrows(IllegalArgumentException.class,
                () -> builder(new OptimizerSpec("sgd", 0.1, 0.9, 0.9, 0.999), 1).build());
    }
}
