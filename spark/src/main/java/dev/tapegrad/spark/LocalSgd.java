package dev.tapegrad.spark;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.nn.Adam;
import dev.tapegrad.nn.Layer;
import dev.tapegrad.nn.Optimizer;
import dev.tapegrad.nn.Parameter;
import dev.tapegrad.nn.Trainer;
import dev.tapegrad.nn.TrainingResult;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * Local SGD with parameter averaging: in each round every partition starts from the driver's
 * parameters (and Adam's moments), runs its own mini-batch epochs over its rows with the
 * {@code Trainer}, and the driver averages what comes back, partition by partition in order: the
 * parameters, and for Adam the moments and step counts. With one partition a round is exactly
 * plain training for those epochs, continued from the last round's parameters and moments.
 */
public final class LocalSgd implements AutoCloseable {
    private final JavaSparkContext jsc;
    private final ModelFactory factory;
    private final LossKind loss;
    private final OptimizerSpec optimizer;
    private final Layer model;
    private final List<Parameter> params;
    private final TrainingData data;
    private final int batchSize;
    private final int localEpochs;
    private final Long shuffleSeed;
    private Moments moments;
    private int round;

    /** Adam's state in serialisable form; {@code null} fields for SGD. */
    record Moments(long steps, long[] paramSteps, double[][] m, double[][] v) implements Serializable {
        static Moments of(Adam.State s) {
            return new Moments(s.steps(), s.paramSteps(), s.expAvg(), s.expAvgSq());
        }

        Adam.State state() {
            return new Adam.State(steps, paramSteps, m, v);
        }
    }

    /** What one partition returns after its local epochs. */
    record Local(double[] params, Moments moments, double loss) implements Serializable {}

    private LocalSgd(Builder b) {
        this.jsc = JavaSparkContext.fromSparkContext(b.spark.sparkContext());
        this.factory = b.factory;
        this.loss = b.loss;
        this.optimizer = b.optimizer;
        checkArgument(optimizer.momentum() == 0 || optimizer.name().equals("adam"),
                "LocalSgd: SGD momentum buffers are not averaged; use momentum 0 or Adam");
        this.model = Objects.requireNonNull(factory.create(), "LocalSgd: the model factory returned null");
        this.params = model.parameters();
        this.batchSize = b.batchSize;
        this.localEpochs = b.localEpochs;
        this.shuffleSeed = b.shuffleSeed;
        this.data = TrainingData.prepare(b.data, new RowReader(b.data.schema(), b.featuresCol, b.labelCol,
                b.inputWidth, b.labels), b.partitions);
    }

    /** A builder training {@code factory}'s model with {@code optimizer} to minimise {@code loss}. */
    public static Builder builder(SparkSession spark, ModelFactory factory, LossKind loss, OptimizerSpec optimizer) {
        return new Builder(spark, factory, loss, optimizer);
    }

    /** The driver's model, holding the averaged parameters. */
    public Layer model() {
        return model;
    }

    /** The averaged Adam state after the last round, or {@code null} for SGD or before the first round. */
    public Adam.State adamState() {
        return moments == null ? null : moments.state();
    }

    /**
     * Runs one round: every partition trains {@code localEpochs} epochs from the current parameters,
     * then parameters (and moments) are averaged. Returns the mean over partitions of their last
     * epoch's loss over their own rows.
     */
    public double round() {
        Broadcast<double[]> bp = jsc.broadcast(Params.flatten(params));
        Broadcast<Moments> bm = jsc.broadcast(moments);
        ModelFactory f = factory;
        LossKind l = loss;
        OptimizerSpec o = optimizer;
        int batch = batchSize;
        int epochs = localEpochs;
        Long seed = shuffleSeed == null ? null : shuffleSeed ^ (round * 0x9E3779B97F4A7C15L);
        List<Local> locals;
        try {
            locals = data.blocks().map(b -> train(f, l, o, bp.value(), bm.value(), b, batch, epochs, seed)).collect();
        } finally {
            bp.destroy();
            bm.destroy();
        }
        round++;
        return average(locals);
    }

    /** Runs {@code rounds} rounds; returns each round's loss. */
    public double[] fit(int rounds) {
        checkArgument(rounds > 0, "LocalSgd: rounds must be positive, got %s", rounds);
        double[] losses = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            losses[i] = round();
        }
        return losses;
    }

    static Local train(ModelFactory f, LossKind l, OptimizerSpec o, double[] flat, Moments moments, Block b,
            int batch, int epochs, Long seed) {
        Layer m = f.create();
        Params.load(m.parameters(), flat);
        Optimizer opt = o.create(m.parameters());
        if (opt instanceof Adam adam && moments != null) {
            adam.loadState(moments.state());
        }
        Trainer.Builder tb = Trainer.builder(m, opt, l).data(b.featureRows(), b.targetRows()).epochs(epochs)
                .noAccuracy();
        if (batch > 0) {
            tb.batchSize(batch);
        }
        if (seed != null) {
            // Each partition shuffles with its own stream; partition 0 of round 0 uses the seed itself.
            tb.shuffle(new SplittableRandom(seed ^ (b.partition() * 0xBF58476D1CE4E5B9L)));
        }
        TrainingResult r = tb.build().fit();
        Moments out = opt instanceof Adam adam ? Moments.of(adam.state()) : null;
        return new Local(Params.flatten(m.parameters()), out, r.last().loss());
    }

    private double average(List<Local> locals) {
        int k = locals.size();
        double[] p = new double[locals.get(0).params().length];
        double lossSum = 0;
        for (Local local : locals) {
            add(p, local.params());
            lossSum += local.loss();
        }
        scale(p, k);
        Params.load(params, p);
        if (locals.get(0).moments() != null) {
            Moments first = locals.get(0).moments();
            double[][] m = new double[first.m().length][];
            double[][] v = new double[first.v().length][];
            long[] paramSteps = new long[first.paramSteps().length];
            long steps = 0;
            for (int j = 0; j < m.length; j++) {
                m[j] = new double[first.m()[j].length];
                v[j] = new double[first.v()[j].length];
            }
            for (Local local : locals) {
                Moments lm = local.moments();
                steps += lm.steps();
                for (int j = 0; j < m.length; j++) {
                    add(m[j], lm.m()[j]);
                    add(v[j], lm.v()[j]);
                    paramSteps[j] += lm.paramSteps()[j];
                }
            }
            for (int j = 0; j < m.length; j++) {
                scale(m[j], k);
                scale(v[j], k);
                paramSteps[j] = Math.round((double) paramSteps[j] / k);
            }
            moments = new Moments(Math.round((double) steps / k), paramSteps, m, v);
        }
        return lossSum / k;
    }

    private static void add(double[] sum, double[] v) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += v[i];
        }
    }

    private static void scale(double[] v, int k) {
        for (int i = 0; i < v.length; i++) {
            v[i] /= k;
        }
    }

    /** Releases the cached rows. */
    @Override
    public void close() {
        data.release();
    }

    /** Settings for {@link LocalSgd}; {@link #build()} validates the data and caches it. */
    public static final class Builder extends RowsBuilder<Builder> {
        private final OptimizerSpec optimizer;
        private int batchSize;
        private int localEpochs = 1;
        private Long shuffleSeed;

        private Builder(SparkSession spark, ModelFactory factory, LossKind loss, OptimizerSpec optimizer) {
            super("LocalSgd", spark, factory, loss);
            this.optimizer = Objects.requireNonNull(optimizer, "LocalSgd: optimizer");
        }

        @Override
        Builder self() {
            return this;
        }

        /** Rows per step on each partition; 0 (the default) is each partition's full batch. */
        public Builder batchSize(int batchSize) {
            checkArgument(batchSize >= 0, "LocalSgd: batch size must be >= 0, got %s", batchSize);
            this.batchSize = batchSize;
            return this;
        }

        /** Epochs each partition runs between two averagings; default 1. */
        public Builder localEpochs(int epochs) {
            checkArgument(epochs > 0, "LocalSgd: local epochs must be positive, got %s", epochs);
            this.localEpochs = epochs;
            return this;
        }

        /** Shuffles each partition's rows every epoch, from a stream seeded by this, the round and the partition. */
        public Builder shuffle(long seed) {
            this.shuffleSeed = seed;
            return this;
        }

        /**
         * Validates every row and caches the data.
         *
         * @throws IllegalArgumentException naming the column and row of the first bad row, a missing
         *     column, or a missing setting
         */
        public LocalSgd build() {
            checkComplete();
            return new LocalSgd(this);
        }
    }
}
