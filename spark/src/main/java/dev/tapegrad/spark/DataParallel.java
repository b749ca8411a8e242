package dev.tapegrad.spark;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.nn.Layer;
import dev.tapegrad.nn.Lbfgs;
import dev.tapegrad.nn.Optimizer;
import dev.tapegrad.nn.Parameter;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Full-batch training on a Spark {@code Dataset<Row>}: the driver holds the model; each evaluation
 * broadcasts its parameters, every partition computes its rows' loss and gradient on its own tape, and
 * {@code treeAggregate} sums them (exactly, so the order partitions finish in does not matter). The
 * driver then steps with {@link Lbfgs} or any Tapegrad {@link Optimizer}. With a loss that is a mean
 * over rows, the result is the full-batch mean loss and gradient over all rows.
 *
 * <pre>{@code
 * try (DataParallel dp = DataParallel.builder(spark, modelSpec, LossKind.CROSS_ENTROPY)
 *         .data(df, "features", "label").inputWidth(4).labels(Labels.oneHot(3)).partitions(8).build()) {
 *     Lbfgs lbfgs = Lbfgs.builder(dp.model().parameters()).lineSearch(Lbfgs.LineSearch.STRONG_WOLFE).build();
 *     dp.fit(lbfgs, 20);
 * }
 * }</pre>
 */
public final class DataParallel implements AutoCloseable {
    private final JavaSparkContext jsc;
    private final ModelFactory factory;
    private final LossKind loss;
    private final Layer model;
    private final List<Parameter> params;
    private final TrainingData data;
    private final Labels labels;
    private final int depth;

    private DataParallel(Builder b) {
        this.jsc = JavaSparkContext.fromSparkContext(b.spark.sparkContext());
        this.factory = b.factory;
        this.loss = b.loss;
        this.model = Objects.requireNonNull(factory.create(), "DataParallel: the model factory returned null");
        this.params = model.parameters();
        this.labels = b.labels;
        this.depth = b.depth;
        this.data = TrainingData.prepare(b.data, new RowReader(b.data.schema(), b.featuresCol, b.labelCol,
                b.inputWidth, b.labels), b.partitions);
    }

    /** A builder training {@code factory}'s model to minimise {@code loss}. */
    public static Builder builder(SparkSession spark, ModelFactory factory, LossKind loss) {
        return new Builder(spark, factory, loss);
    }

    /** The driver's model: training updates its parameters. */
    public Layer model() {
        return model;
    }

    /** The number of training rows. */
    public long rows() {
        return data.rows();
    }

    /**
     * The mean loss over all rows at the model's current parameters; writes the gradient of that mean,
     * flattened in parameter order, into {@code gradient}. One Spark job. Changes no parameter.
     */
    public double lossAndGradient(double[] gradient) {
        int n = Params.count(params);
        checkArgument(gradient.length == n, "DataParallel: the gradient array has %s slots, the model %s values",
                gradient.length, n);
        double[] sum = aggregate(Params.flatten(params), n + 1);
        for (int i = 0; i < n; i++) {
            gradient[i] = sum[i + 1] / data.rows();
        }
        return sum[0] / data.rows();
    }

    private double[] aggregate(double[] flat, int length) {
        Broadcast<double[]> bc = jsc.broadcast(flat);
        ModelFactory f = factory;
        LossKind l = loss;
        try {
            return data.blocks().treeAggregate(new ExactSum(length),
                    (acc, block) -> acc.add(blockLossAndGradient(f, l, bc.value(), block)),
                    ExactSum::merge, depth).round();
        } finally {
            bc.destroy();
        }
    }

    /** {@code [n L, n dL/dp...]} for a block of {@code n} rows, {@code L} the block's mean loss. */
    static double[] blockLossAndGradient(ModelFactory factory, LossKind loss, double[] flat, Block b) {
        Layer m = factory.create();
        List<Parameter> ps = m.parameters();
        Params.load(ps, flat);
        Tape tape = new Tape();
        Tensor out = m.forward(tape.constant(Shape.of(b.rows(), b.inWidth()), b.x()));
        Scalar total = loss.apply(out, tape.constant(Shape.of(b.rows(), b.outWidth()), b.y())).mul(b.rows());
        Gradients g = total.backward();
        double[] v = new double[flat.length + 1];
        v[0] = total.value();
        int offset = 1;
        for (Parameter p : ps) {
            System.arraycopy(g.of(p), 0, v, offset, p.size());
            offset += p.size();
        }
        return v;
    }

    /** Runs {@code steps} L-BFGS steps over the model's parameters; returns each step's starting loss. */
    public double[] fit(Lbfgs lbfgs, int steps) {
        checkArgument(lbfgs.parameters().equals(params), "DataParallel: the Lbfgs must optimize model().parameters()");
        double[] losses = new double[steps];
        for (int i = 0; i < steps; i++) {
            losses[i] = lbfgs.step(this::lossAndGradient);
        }
        return losses;
    }

    /** Runs {@code steps} full-batch steps of {@code optimizer}; returns each step's loss before it. */
    public double[] fit(Optimizer optimizer, int steps) {
        checkArgument(optimizer.parameters().equals(params),
                "DataParallel: the optimizer must optimize model().parameters()");
        double[] losses = new double[steps];
        double[] g = new double[Params.count(params)];
        for (int i = 0; i < steps; i++) {
            losses[i] = lossAndGradient(g);
            optimizer.step(asGradients(params, g));
        }
        return losses;
    }

    /**
     * Gradients that read as {@code flat} for each parameter: the backward pass of
     * {@code sum_k sum(p_k * g_k)} with the {@code g_k} constants, whose gradient is exactly {@code g_k}.
     */
    static Gradients asGradients(List<Parameter> params, double[] flat) {
        Tape tape = new Tape();
        Scalar s = null;
        int offset = 0;
        for (Parameter p : params) {
            double[] g = new double[p.size()];
            System.arraycopy(flat, offset, g, 0, g.length);
            offset += g.length;
            Scalar term = p.on(tape).mul(tape.constant(p.shape(), g)).sum();
            s = s == null ? term : s.add(term);
        }
        return s.backward();
    }

    /**
     * The fraction of rows whose prediction's class is the label's (largest column, or a one-column
     * output at or above 0.5, or 0 for logits under cross-entropy with logits); one Spark job.
     *
     * @throws IllegalStateException for regression labels
     */
    public double accuracy() {
        if (!labels.classifies()) {
            throw new IllegalStateException("DataParallel: no accuracy for regression labels (Labels.values())");
        }
        Broadcast<double[]> bc = jsc.broadcast(Params.flatten(params));
        ModelFactory f = factory;
        double threshold = loss == LossKind.BCE_WITH_LOGITS ? 0.0 : 0.5;
        try {
            long right = data.blocks().map(b -> {
                Layer m = f.create();
                Params.load(m.parameters(), bc.value());
                double[][] p = m.predict(b.featureRows());
                double[][] t = b.targetRows();
                long r = 0;
                for (int i = 0; i < p.length; i++) {
                    r += p[i].length == 1 ? ((p[i][0] >= threshold) == (t[i][0] >= 0.5) ? 1 : 0)
                            : (Outcome.argmax(p[i]) == Outcome.argmax(t[i]) ? 1 : 0);
                }
                return r;
            }).reduce(Long::sum);
            return (double) right / data.rows();
        } finally {
            bc.destroy();
        }
    }

    /** Releases the cached rows. */
    @Override
    public void close() {
        data.release();
    }

    /** Settings for {@link DataParallel}; {@link #build()} validates the data and caches it. */
    public static final class Builder extends RowsBuilder<Builder> {
        private int depth = 2;

        private Builder(SparkSession spark, ModelFactory factory, LossKind loss) {
            super("DataParallel", spark, factory, loss);
        }

        @Override
        Builder self() {
            return this;
        }

        /** The depth of {@code treeAggregate}'s tree; default 2. */
        public Builder depth(int depth) {
            checkArgument(depth >= 1, "DataParallel: tree depth must be at least 1, got %s", depth);
            this.depth = depth;
            return this;
        }

        /**
         * Validates every row and caches the data.
         *
         * @throws IllegalArgumentException naming the column and row of the first bad row, a missing
         *     column, or a missing setting
         */
        public DataParallel build() {
            checkComplete();
            return new DataParallel(this);
        }
    }
}
