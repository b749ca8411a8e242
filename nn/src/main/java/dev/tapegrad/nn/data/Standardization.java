package dev.tapegrad.nn.data;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.nn.Layer;
import dev.tapegrad.nn.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Standardisation of each feature to mean 0 and standard deviation 1, {@code (x - mean) / std}, with
 * the mean and (population) standard deviation fitted on the training rows only (scikit-learn's
 * {@code StandardScaler}); a feature that is constant there keeps its scale ({@code std} taken as 1).
 *
 * <p>It is also a {@link Layer} without parameters: put it first in the model,
 * {@code new Sequential(scale, mlp)}, and every forward and {@code predict} applies it, so raw rows go
 * in. Its {@link #state()} (two tensors, {@code standardize.mean} and {@code standardize.std}) is saved
 * beside the model's parameters in a checkpoint and read back with {@link #from(Map)}.
 */
public final class Standardization implements Layer {
    /** The checkpoint names of the mean and the standard deviation. */
    public static final String MEAN = "standardize.mean";
    /** See {@link #MEAN}. */
    public static final String STD = "standardize.std";

    private final double[] mean;
    private final double[] std;

    private Standardization(double[] mean, double[] std) {
        this.mean = mean;
        this.std = std;
    }

    /** Fits the mean and standard deviation of every feature of {@code train}. */
    public static Standardization fit(Dataset train) {
        Objects.requireNonNull(train, "Standardization.fit: train");
        double[][] x = train.features();
        int n = x.length;
        int w = x[0].length;
        double[] mean = new double[w];
        double[] std = new double[w];
        for (int j = 0; j < w; j++) {
            double s = 0;
            for (double[] row : x) {
                s += row[j];
            }
            double m = s / n;
            double ss = 0;
            for (double[] row : x) {
                ss += (row[j] - m) * (row[j] - m);
            }
            double sd = Math.sqrt(ss / n);
            mean[j] = m;
            std[j] = sd > 0 ? sd : 1;
        }
        return new Standardization(mean, std);
    }

    /**
     * The standardisation saved as {@link #state()}, such as the tensors {@code Checkpoint.read} returned.
     *
     * @throws IllegalArgumentException if either tensor is missing or they differ in size
     */
    public static Standardization from(Map<String, Parameter> tensors) {
        Parameter m = tensors.get(MEAN);
        Parameter s = tensors.get(STD);
        checkArgument(m != null && s != null, "Standardization: the checkpoint holds no '%s' and '%s'", MEAN, STD);
        checkArgument(m.size() == s.size(), "Standardization: '%s' has %s values, '%s' %s", MEAN, m.size(), STD, s.size());
        return new Standardization(m.values(), s.values());
    }

    /** The fitted means, one per feature; a copy. */
    public double[] mean() {
        return mean.clone();
    }

    /** The fitted standard deviations (1 for a constant feature); a copy. */
    public double[] std() {
        return std.clone();
    }

    /**
     * The rows standardised, in new arrays.
     *
     * @throws IllegalArgumentException if a row does not have the fitted number of features
     */
    public double[][] apply(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            checkArgument(rows[i].length == mean.length, "Standardization: row %s has %s features, fitted on %s",
                    i, rows[i].length, mean.length);
            out[i] = new double[mean.length];
            for (int j = 0; j < mean.length; j++) {
                out[i][j] = (rows[i][j] - mean[j]) / std[j];
            }
        }
        return out;
    }

    /** The dataset with standardised features and the same targets. */
    public Dataset apply(Dataset data) {
        return data.withFeatures(apply(data.features()));
    }

    /** {@code (x - mean) / std} over the last axis, recorded on {@code x}'s tape; does not modify {@code x}. */
    @Override
    public Tensor forward(Tensor x) {
        Shape s = x.shape();
        checkArgument(s.rank() >= 1 && s.dim(s.rank() - 1) == mean.length,
                "Standardization: input of shape %s; expected [*, %s]", s, mean.length);
        return x.sub(x.tape().constant(Shape.of(mean.length), mean)).div(x.tape().constant(Shape.of(std.length), std));
    }

    /** The mean and standard deviation as two named tensors, for {@code Checkpoint.save}. */
    public List<Parameter> state() {
        return List.of(new Parameter(MEAN, Shape.of(mean.length), mean), new Parameter(STD, Shape.of(std.length), std));
    }

    @Override
    public String toString() {
        return "Standardization(features=" + mean.length + ")";
    }
}
