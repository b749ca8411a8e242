package dev.tapegrad.autograd;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Variance and standard deviation, composed from recorded ops so that they differentiate to any order.
 * The divisor is {@code n - correction}, {@code correction = 1} (Bessel's, PyTorch's default) when
 * unbiased, else 0, and at least 0 as in PyTorch, so one element with the correction gives NaN. The
 * standard deviation is {@code |x - mean| / sqrt(divisor)}: the norm's gradient is 0 where the
 * deviation is, as PyTorch's {@code std} backward gives, where {@code sqrt(var)} would give NaN.
 */
final class Spread {
    private Spread() {}

    static Scalar variance(Tensor x, boolean unbiased) {
        double div = divisor("var", x.shape().size(), x.shape(), unbiased);
        Tensor d = x.sub(x.mean());
        return d.mul(d).sum().div(div);
    }

    static Tensor variance(Tensor x, int axis, boolean unbiased, boolean keepDims) {
        int n = x.shape().dim(x.shape().axis(axis, "var"));
        double div = divisor("var", n, x.shape(), unbiased);
        Tensor d = x.sub(x.mean(axis, true));
        return d.mul(d).sum(axis, keepDims).div(div);
    }

    static Scalar deviation(Tensor x, boolean unbiased) {
        double div = divisor("std", x.shape().size(), x.shape(), unbiased);
        // Without degrees of freedom the value is NaN; sqrt(var) then gives PyTorch's NaN gradient too.
        return div == 0 ? variance(x, unbiased).sqrt() : x.sub(x.mean()).norm().div(Math.sqrt(div));
    }

    static Tensor deviation(Tensor x, int axis, boolean unbiased, boolean keepDims) {
        int n = x.shape().dim(x.shape().axis(axis, "std"));
        double div = divisor("std", n, x.shape(), unbiased);
        return div == 0 ? variance(x, axis, unbiased, keepDims).sqrt()
                : x.sub(x.mean(axis, true)).norm(axis, keepDims).div(Math.sqrt(div));
    }

    /** {@code max(0, n - correction)}; an error naming {@code op} for an empty reduction. */
    private static double divisor(String op, int n, Shape shape, boolean unbiased) {
        checkArgument(n > 0, "%s: no elements to reduce in shape %s", op, shape);
        return Math.max(0, n - (unbiased ? 1 : 0));
    }
}
