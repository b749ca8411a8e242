package dev.tapegrad.nn;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.nn.data.Dataset;
import java.util.Objects;

/**
 * A dataset as the {@link Trainer} holds it: features and target rows flattened row-major, and the
 * class indices when the targets are classes (then the target rows are one-hot).
 */
final class TrainingData {
    final int n;
    final int inWidth;
    final int outWidth;
    final double[] x;
    final double[] y;
    /** Class indices, or {@code null} when the targets are rows. */
    final int[] classes;

    private TrainingData(String what, double[][] features, double[][] targets, int[] classes) {
        checkArgument(features.length > 0, "Trainer: the %s data are empty", what);
        checkArgument(features.length == targets.length, "Trainer: %s: %s feature rows but %s target rows",
                what, features.length, targets.length);
        checkRows(what + " features", features);
        checkRows(what + " targets", targets);
        this.n = features.length;
        this.inWidth = features[0].length;
        this.outWidth = targets[0].length;
        this.x = flatten(features);
        this.y = flatten(targets);
        this.classes = classes == null ? null : classes.clone();
    }

    static TrainingData ofRows(String what, double[][] features, double[][] targets) {
        Objects.requireNonNull(features, () -> "Trainer: " + what + " features");
        Objects.requireNonNull(targets, () -> "Trainer: " + what + " targets");
        return new TrainingData(what, features, targets, null);
    }

    /** Class-index targets, held as one-hot rows for the loss and as indices for the accuracy. */
    static TrainingData ofClasses(String what, double[][] features, int[] classes, int numClasses) {
        Objects.requireNonNull(features, () -> "Trainer: " + what + " features");
        Objects.requireNonNull(classes, () -> "Trainer: " + what + " classes");
        checkArgument(numClasses >= 2, "Trainer: %s data need at least 2 classes, got %s", what, numClasses);
        checkArgument(features.length == classes.length, "Trainer: %s: %s feature rows but %s classes",
                what, features.length, classes.length);
        return new TrainingData(what, features, oneHot(what, classes, numClasses), classes);
    }

    static TrainingData of(String what, Dataset d) {
        Objects.requireNonNull(d, () -> "Trainer: " + what + " dataset");
        return d.hasClasses() ? ofClasses(what, d.features(), d.classes(), d.numClasses())
                : new TrainingData(what, d.features(), d.targets(), null);
    }

    /** One-hot rows of {@code numClasses} columns for these class indices. */
    private static double[][] oneHot(String what, int[] classes, int numClasses) {
        double[][] rows = new double[classes.length][numClasses];
        for (int i = 0; i < classes.length; i++) {
            checkArgument(classes[i] >= 0 && classes[i] < numClasses, "Trainer: %s row %s has class %s; classes are "
                    + "0 to %s", what, i, classes[i], numClasses - 1);
            rows[i][classes[i]] = 1;
        }
        return rows;
    }

    /**
     * The loss and accuracy over all rows with the model's current parameters, as {@code {loss, accuracy}}
     * (accuracy {@code NaN} when not measured). Changes nothing.
     */
    double[] evaluate(Layer model, LossFunction loss, boolean measureAccuracy, double threshold) {
        Tape tape = new Tape();
        Tensor out = model.forward(tape.constant(Shape.of(n, inWidth), x));
        double l = loss.apply(out, tape.constant(Shape.of(n, outWidth), y)).value();
        return new double[] {l, measureAccuracy ? accuracy(out.values(), threshold) : Double.NaN};
    }

    /**
     * The share of rows predicted right: with one column, prediction and target on the same side of
     * {@code threshold}; with several, the prediction's largest column is the target's. A row whose
     * prediction holds a NaN is wrong.
     */
    double accuracy(double[] p, double threshold) {
        checkArgument(p.length == n * outWidth, "Trainer: the model gives %s values for %s rows; the targets have %s "
                + "columns", p.length, n, outWidth);
        int right = 0;
        for (int i = 0; i < n; i++) {
            if (outWidth == 1) {
                right += !Double.isNaN(p[i]) && (p[i] >= threshold) == (y[i] >= threshold) ? 1 : 0;
            } else {
                int predicted = argmax(p, i * outWidth);
                int actual = classes != null ? classes[i] : argmax(y, i * outWidth);
                right += predicted >= 0 && predicted == actual ? 1 : 0;
            }
        }
        return (double) right / n;
    }

    /** The largest column of the row at {@code offset}, or -1 if it holds a NaN. */
    private int argmax(double[] v, int offset) {
        int best = 0;
        for (int j = 0; j < outWidth; j++) {
            if (Double.isNaN(v[offset + j])) {
                return -1;
            }
            if (v[offset + j] > v[offset + best]) {
                best = j;
            }
        }
        return best;
    }

    /**
     * With one target column, refuses a loss that is 0 with zero gradient whatever the model outputs:
     * cross-entropy over a single column is log(1) = 0 for any logit, so training would never move.
     */
    void checkLossDependsOnOutput(LossFunction loss) {
        if (outWidth != 1) {
            return;
        }
        Tape tape = new Tape();
        Tensor out = tape.tensor(Shape.of(2, 1), 0.3, 0.8); // valid as probabilities and as logits
        Scalar l;
        try {
            l = loss.apply(out, tape.constant(Shape.of(2, 1), 0, 1));
        } catch (RuntimeException e) {
            return; // a loss with its own input rules: the first step reports what it objects to
        }
        double[] g = l.backward().of(out);
        checkArgument(l.value() != 0 || g[0] != 0 || g[1] != 0, "Trainer: with one target column this loss is 0 "
                + "whatever the model outputs (cross-entropy over one column is always 0), so nothing would train; "
                + "for two classes use Loss::bceWithLogits with one output column, or two output columns with "
                + "Loss::crossEntropy");
    }

    private static void checkRows(String what, double[][] rows) {
        int w = Objects.requireNonNull(rows[0], () -> "Trainer: " + what + " row 0 is null").length;
        checkArgument(w > 0, "Trainer: %s rows are empty", what);
        for (int i = 0; i < rows.length; i++) {
            Objects.requireNonNull(rows[i], "Trainer: " + what + " row " + i + " is null");
            checkArgument(rows[i].length == w, "Trainer: %s row %s has %s values, row 0 has %s",
                    what, i, rows[i].length, w);
        }
    }

    private static double[] flatten(double[][] rows) {
        int w = rows[0].length;
        double[] flat = new double[rows.length * w];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * w, w);
        }
        return flat;
    }
}
