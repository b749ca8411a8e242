package dev.tapegrad.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.nn.Layer;
import dev.tapegrad.nn.Lbfgs;
import dev.tapegrad.nn.Parameter;
import dev.tapegrad.nn.Sequential;
import dev.tapegrad.nn.Sgd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.TaskContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Full-batch data parallelism against the single-JVM full batch, and its checks of bad rows. */
class DataParallelTest {
    private static final int N = 37;
    private static final ModelSpec SPEC = new ModelSpec(new int[] {3, 6, 3}, "tanh", "none", "default", 7);
    private static SparkSession spark;
    private static double[][] x;
    private static int[] label;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
        SplittableRandom rng = new SplittableRandom(11);
        x = new double[N][3];
        label = new int[N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = rng.nextDouble(-2, 2);
            }
            label[i] = x[i][0] + x[i][1] > 0.5 ? 2 : x[i][2] > 0 ? 1 : 0;
        }
    }

    private static Dataset<Row> arrays() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            rows.add(RowFactory.create(List.of(x[i][0], x[i][1], x[i][2]), (double) label[i]));
        }
        StructType schema = new StructType().add("features", DataTypes.createArrayType(DataTypes.DoubleType))
                .add("label", DataTypes.DoubleType);
        return spark.createDataFrame(rows, schema).repartition(3);
    }

    private static Dataset<Row> vectors() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            rows.add(RowFactory.create(Vectors.dense(x[i]), label[i]));
        }
        StructType schema = new StructType().add("features", SQLDataTypes.VectorType())
                .add("label", DataTypes.IntegerType);
        return spark.createDataFrame(rows, schema);
    }

    private static DataParallel dp(Dataset<Row> data, ModelFactory factory, int partitions) {
        return DataParallel.builder(spark, factory, LossKind.CROSS_ENTROPY).data(data, "features", "label")
                .inputWidth(3).labels(Labels.oneHot(3)).partitions(partitions).build();
    }

    /** The single-JVM full batch: every row on one tape, the mean cross-entropy. */
    private static double localLossAndGradient(Sequential net, double[] gradient) {
        Tape tape = new Tape();
        double[] flat = new double[N * 3];
        for (int i = 0; i < N; i++) {
            System.arraycopy(x[i], 0, flat, 3 * i, 3);
        }
        Scalar l = dev.tapegrad.nn.Loss.crossEntropy(net.forward(tape.constant(Shape.of(N, 3), flat)), label);
        Gradients g = l.backward();
        int offset = 0;
        for (Parameter p : net.parameters()) {
            System.arraycopy(g.of(p), 0, gradient, offset, p.size());
            offset += p.size();
        }
        return l.value();
    }

    private static void assertRelativelyClose(double[] expected, double[] actual, double rel) {
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], rel * Math.max(Math.abs(expected[i]), 1e-3 * scale), "element " + i);
        }
    }

    @Test
    void theSummedGradientIsTheSingleJvmFullBatchGradient() {
        Sequential local = SPEC.create();
        int n = Params.count(local.parameters());
        double[] expected = new double[n];
        double expectedLoss = localLossAndGradient(local, expected);
        for (int partitions : new int[] {1, 4}) {
            for (Dataset<Row> data : List.of(arrays(), vectors())) {
                try (DataParallel dp = dp(data, SPEC, partitions)) {
                    double[] g = new double[n];
                    double loss = dp.lossAndGradient(g);
                    assertEquals(expectedLoss, loss, 1e-12 * expectedLoss, partitions + " partitions");
                    assertRelativelyClose(expected, g, 1e-12);
                }
            }
        }
    }

    @Test
    void lbfgsOnTheDriverLowersTheLossAndRepeatsBitForBit() {
        double[] first;
        double[] again;
        try (DataParallel dp = dp(arrays(), SPEC, 4)) {
            Lbfgs lbfgs = Lbfgs.builder(dp.model().parameters()).lineSearch(Lbfgs.LineSearch.STRONG_WOLFE)
                    .maxIter(4).build();
            double[] losses = dp.fit(lbfgs, 2);
            assertTrue(losses[1] < 0.8 * losses[0], "losses " + java.util.Arrays.toString(losses));
            assertTrue(dp.accuracy() > 0.6, "accuracy " + dp.accuracy());
            first = Params.flatten(dp.model().parameters());
        }
        try (DataParallel dp = dp(arrays(), SPEC, 4)) {
            dp.fit(Lbfgs.builder(dp.model().parameters()).lineSearch(Lbfgs.LineSearch.STRONG_WOLFE).maxIter(4).build(),
                    2);
            again = Params.flatten(dp.model().parameters());
        }
        assertArrayEquals(first, again, 0.0);
    }

    @Test
    void anyOptimizerStepsOnTheSummedGradient() {
        try (DataParallel dp = dp(arrays(), SPEC, 2)) {
            List<Parameter> ps = dp.model().parameters();
            double[] before = Params.flatten(ps);
            double[] g = new double[before.length];
            dp.lossAndGradient(g);
            dp.fit(Sgd.builder(ps).learningRate(0.5).build(), 1);
            double[] after = Params.flatten(ps);
            for (int i = 0; i < before.length; i++) {
                assertEquals(before[i] - 0.5 * g[i], after[i], 0.0, "element " + i);
            }
        }
    }

    /** The spec's model, but building it throws in the first attempt of partition 1's task. */
    record FlakyFactory(String marker) implements ModelFactory {
        @Override
        public Layer create() {
            TaskContext ctx = TaskContext.get();
            if (ctx != null && ctx.partitionId() == 1 && ctx.attemptNumber() == 0) {
                try {
                    Files.writeString(Path.of(marker), "failed once");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                throw new IllegalStateException("first attempt fails on purpose");
            }
            return SPEC.create();
        }
    }

    @Test
    void aRetriedTaskGivesTheSameGradient(@TempDir Path dir) {
        double[] expected;
        try (DataParallel dp = dp(arrays(), SPEC, 4)) {
            expected = new double[Params.count(dp.model().parameters())];
            dp.lossAndGradient(expected);
        }
        Path marker = dir.resolve("failed");
        try (DataParallel dp = dp(arrays(), new FlakyFactory(marker.toString()), 4)) {
            double[] g = new double[expected.length];
            dp.lossAndGradient(g);
            assertTrue(Files.exists(marker), "the first attempt of partition 1 failed");
            assertArrayEquals(expected, g, 0.0);
        }
    }

    private static String error(Dataset<Row> data, Labels labels) {
        return assertThrows(IllegalArgumentException.class, () -> DataParallel.builder(spark, SPEC, LossKind.CROSS_ENTROPY)
                .data(data, "features", "label").labels(labels).partitions(2).build()).getMessage();
    }

    private static Dataset<Row> withRow(int at, Object features, Object lab, org.apache.spark.sql.types.DataType labelType) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Object f = i == at ? features : List.of(1.0, 2.0, 3.0);
            Object l = i == at ? lab : labelType == DataTypes.StringType ? "1" : (Object) 1.0;
            rows.add(RowFactory.create(f, l));
        }
        StructType schema = new StructType().add("features", DataTypes.createArrayType(DataTypes.DoubleType))
                .add("label", labelType);
        return spark.createDataFrame(rows, schema);
    }

    @Test
    void badInputIsNamedByColumnAndRowBeforeTraining() {
        assertEquals("no column 'label' in the data; the columns are [features, y]", error(
                arrays().withColumnRenamed("label", "y"), Labels.oneHot(3)));
        assertEquals("features column 'features' has 2 values at row 7 (counting from 0); the model takes 3",
                error(withRow(7, List.of(1.0, 2.0), 1.0, DataTypes.DoubleType), Labels.oneHot(3)));
        assertEquals("features column 'features' element 1 is NaN at row 4 (counting from 0)",
                error(withRow(4, List.of(1.0, Double.NaN, 2.0), 1.0, DataTypes.DoubleType), Labels.oneHot(3)));
        assertEquals("label column 'label' holds 'cat' at row 5 (counting from 0), which is not a number",
                error(withRow(5, List.of(1.0, 2.0, 3.0), "cat", DataTypes.StringType), Labels.oneHot(3)));
        assertEquals("label column 'label' at row 2 (counting from 0) is NaN; labels must be finite numbers",
                error(withRow(2, List.of(1.0, 2.0, 3.0), Double.NaN, DataTypes.DoubleType), Labels.oneHot(3)));
        assertEquals("label column 'label' at row 9 (counting from 0) is 3.0; a class index must be an integer in "
                + "[0, 3)", error(withRow(9, List.of(1.0, 2.0, 3.0), 3.0, DataTypes.DoubleType), Labels.oneHot(3)));
        assertEquals("label column 'label' is null at row 0 (counting from 0)",
                error(withRow(0, List.of(1.0, 2.0, 3.0), null, DataTypes.DoubleType), Labels.oneHot(3)));
        assertTrue(error(arrays().selectExpr("label as features", "label"), Labels.oneHot(3))
                .startsWith("features column 'features' has type double; it must be array<double>"));
    }
}
