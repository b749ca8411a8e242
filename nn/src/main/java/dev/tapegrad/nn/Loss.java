package dev.tapegrad.nn;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import java.util.Objects;

/**
 * Loss functions, each the mean over all elements (PyTorch's {@code reduction='mean'}) and each a
 * {@link Scalar} on the prediction's tape, ready for {@code backward()}.
 *
 * <p>Prediction and target shapes must be equal: unlike elementwise arithmetic, a loss never
 * broadcasts, because {@code (N, 1)} against {@code (N)} would silently compare every prediction with
 * every target. The target may be a constant or a variable; both get their gradient.
 */
public final class Loss {
    private Loss() {}

    /**
     * Mean squared error, {@code mean((p - t)^2)}; {@code dL/dp = 2 (p - t) / n}. One fused op.
     *
     * @throws IllegalArgumentException if the shapes differ
     */
    public static Scalar mse(Tensor prediction, Tensor target) {
        checkSameShape("mse", prediction, target);
        return (Scalar) MeanSquaredError.INSTANCE.apply(prediction, target);
    }

    /**
     * Binary cross-entropy on probabilities, {@code mean(-(t log p + (1 - t) log(1 - p)))}, with each log
     * clamped at -100 as PyTorch does, so it is finite even at {@code p = 0} or 1;
     * {@code dL/dp = (p - t) / max(p (1 - p), 1e-12) / n}. One fused op. A NaN prediction (a diverged
     * model) gives a NaN loss.
     *
     * @throws IllegalArgumentException if the shapes differ or a probability is outside [0, 1]
     */
    public static Scalar bce(Tensor probability, Tensor target) {
        checkSameShape("bce", probability, target);
        return (Scalar) BinaryCrossEntropy.INSTANCE.apply(probability, target);
    }

    /**
     * Binary cross-entropy on logits, {@code mean(-(t log s(z) + (1 - t) log(1 - s(z))))} with
     * {@code s} the sigmoid, computed stably as {@code max(z, 0) - z t + log(1 + e^-|z|)} (finite for any
     * finite logit); {@code dL/dz = (s(z) - t) / n}. One fused op (PyTorch's
     * {@code binary_cross_entropy_with_logits}).
     *
     * @throws IllegalArgumentException if the shapes differ
     */
    public static Scalar bceWithLogits(Tensor logits, Tensor target) {
        checkSameShape("bceWithLogits", logits, target);
        return (Scalar) BinaryCrossEntropyWithLogits.INSTANCE.apply(logits, target);
    }

    /**
     * Softmax cross-entropy with class indices: {@code -mean_i logSoftmax(z_i)[c_i]} for logits
     * {@code [N, C]} and {@code N} classes (or logits {@code [C]} and one class);
     * {@code dL/dz_i = (softmax(z_i) - onehot(c_i)) / N}. Composed from the stable {@code logSoftmax}.
     *
     * @throws IllegalArgumentException if the counts differ or a class is outside {@code [0, C)}
     */
    public static Scalar crossEntropy(Tensor logits, int[] classes) {
        Objects.requireNonNull(logits, "crossEntropy: logits");
        Objects.requireNonNull(classes, "crossEntropy: classes");
        Shape s = logits.shape();
        checkArgument(s.rank() == 1 || s.rank() == 2,
                "crossEntropy: logits must be [N, C] or [C], got shape %s", s);
        int n = s.rank() == 2 ? s.dim(0) : 1;
        int c = s.dim(s.rank() - 1);
        checkArgument(classes.length == n, "crossEntropy: logits of shape %s need %s class indices, got %s",
                s, n, classes.length);
        for (int i = 0; i < n; i++) {
            checkArgument(classes[i] >= 0 && classes[i] < c,
                    "crossEntropy: class index %s at position %s is outside [0, %s) for logits of shape %s",
                    classes[i], i, c, s);
        }
        // Picks each row's target entry; a one-hot product would turn a -inf logit elsewhere into NaN.
        Tensor rows = s.rank() == 2 ? logits : logits.reshape(1, c);
        double[] indices = java.util.Arrays.stream(classes).asDoubleStream().toArray();
        Tensor target = logits.tape().constant(Shape.of(n), indices);
        return (Scalar) NegativeLogLikelihood.INSTANCE.apply(rows.logSoftmax(1), target);
    }

    /**
     * Softmax cross-entropy with class probabilities of the logits' shape:
     * {@code -mean_i sum_j t_ij logSoftmax(z_i)_j}, rows over the last axis;
     * {@code dL/dz_i = (softmax(z_i) sum_j t_ij - t_i) / N}.
     *
     * For class indices use {@link #crossEntropy(Tensor, int[])}.
     *
     * @throws IllegalArgumentException if the shapes differ (pointing to the {@code int[]} overload when the
     *     target looks like class indices) or the logits are not [N, C] or [C]
     */
    public static Scalar crossEntropy(Tensor logits, Tensor targetProbabilities) {
        Objects.requireNonNull(logits, "crossEntropy: logits");
        Objects.requireNonNull(targetProbabilities, "crossEntropy: target");
        Shape z = logits.shape();
        Shape t = targetProbabilities.shape();
        if (!z.equals(t)) {
            // PyTorch's cross_entropy takes class indices as a tensor; here they are an int[], so say so.
            boolean indicesShaped = z.rank() == 2 && t.rank() == 1 && t.dim(0) == z.dim(0);
            throw new IllegalArgumentException(String.format("crossEntropy: logits shape %s and target shape %s "
                    + "differ (losses do not broadcast). A Tensor target must hold class probabilities of the "
                    + "logits' shape %s (a one-hot or soft row per sample)%s", z, t, z, indicesShaped
                            ? "; for class indices, one per sample, call crossEntropy(logits, int[] classes) instead"
                            : "; for class indices call crossEntropy(logits, int[] classes)"));
        }
        Shape s = logits.shape();
        checkArgument(s.rank() == 1 || s.rank() == 2,
                "crossEntropy: logits must be [N, C] or [C], got shape %s", s);
        int n = s.rank() == 2 ? s.dim(0) : 1;
        int axis = s.rank() - 1;
        return logits.logSoftmax(axis).mul(targetProbabilities).sum().div(-n);
    }

    static void checkSameShape(String loss, Tensor prediction, Tensor target) {
        Objects.requireNonNull(prediction, () -> loss + ": prediction");
        Objects.requireNonNull(target, () -> loss + ": target");
        Shape p = prediction.shape();
        Shape t = target.shape();
        if (!p.equals(t)) {
            String hint = p.size() == t.size()
                    ? " (same number of elements: reshape one to the other, e.g. target.reshape("
                            + String.join(", ", java.util.Arrays.stream(p.dims()).mapToObj(Integer::toString).toList())
                            + "))"
                    : "";
            throw new IllegalArgumentException(String.format(
                    "%s: prediction shape %s and target shape %s differ; losses do not broadcast%s", loss, p, t, hint));
        }
    }
}
