package dev.tapegrad.nn.corpus;

/**
 * When a Tapegrad number matches PyTorch float64's.
 *
 * <p>NaN matches only NaN, an infinity only the same infinity, and a zero only a zero of the same sign
 * where the program's zeros are signed (see {@link #matches}); those are exact. A finite reference
 * {@code e} is matched by a finite {@code a} with
 * {@code |a - e| <= ATOL + RTOL |e| + ROUNDING * m}, where {@code m} is the rounding magnitude the
 * generator stored beside {@code e}.
 *
 * <p>Why the third term. Two correct float64 implementations differ where they round differently:
 * the order of a summation (PyTorch's sums and matrix products are vectorised and blocked, Tapegrad's
 * run in another order), the gradient contributions a fan-out node adds up in another order, and the
 * last bit of a libm function ({@code exp}, {@code tanh}, {@code pow}: Java's and glibc's are each within
 * one ulp). Each such rounding is at most {@code 2^-53} of the terms it rounds, so the difference is
 * bounded by {@code 2^-53} times the sum of the absolute terms, carried through the absolute Jacobian of
 * every later op: the running error bound {@code m} that {@code tools/pytorch/corpus_ops.py} computes
 * (for a sum the sum of the absolute terms, for a matrix product {@code |A| |B|}, for an elementwise op
 * {@code |y|} plus {@code |f'(x)|} times its input's bound; for a gradient, the sum over paths of the
 * absolute products of partials). {@code ROUNDING = 2^-44} allows 512 such roundings per term, more
 * than the corpus's longest sums (a few hundred terms after stacking) and chains (at most ten ops, each
 * libm call within a few ulp) can make. The bound scales with the condition of the op, not with the size
 * of the result, so a sum that cancels to nearly 0 is allowed the error of its terms, while an op whose
 * own terms are small (the shifted logits of log-softmax, the quotient {@code a / b} in the division's
 * partial) is not allowed the error of a larger intermediate that a defective formula rounds through.
 * Each of the four defects the corpus was built to catch exceeds the allowance: log-softmax at logits of
 * 1e10 by a factor of 60, the others by a wrong NaN, infinity or zero.
 */
final class Tolerance {
    static final double RTOL = 1e-9;
    static final double ATOL = 1e-12;
    static final double ROUNDING = 0x1p-44;

    private Tolerance() {}

    /** The allowed difference from a finite reference {@code expected} with rounding magnitude {@code m}. */
    static double allowed(double expected, double magnitude) {
        return ATOL + RTOL * Math.abs(expected) + ROUNDING * magnitude;
    }

    /**
     * Whether {@code actual} matches {@code expected}. With {@code signedZeros}, {@code 0.0} and
     * {@code -0.0} differ (PyTorch's sign is meaningful there: it decides {@code 1 / x}, {@code atan2} and
     * the sign of a later infinity).
     */
    static boolean matches(double expected, double actual, double magnitude, boolean signedZeros) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            return Double.compare(expected, actual) == 0;
        }
        if (Double.isNaN(actual) || Double.isInfinite(actual)) {
            return false;
        }
        if (expected == 0.0 && actual == 0.0) {
            return !signedZeros || Double.compare(expected, actual) == 0;
        }
        return Math.abs(actual - expected) <= allowed(expected, magnitude);
    }
}
