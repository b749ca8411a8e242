package dev.tapegrad.examples.cli;

import java.math.BigDecimal;

/** Number formatting for what the user typed back to them: {@code 5}, {@code 0.05}, {@code 1000000}. */
public final class Format {
    private Format() {}

    /** {@code v} in plain decimal notation without trailing zeros; NaN and infinities as Java spells them. */
    public static String plain(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e7 || a < 1e-6)) {
            return Double.toString(v).replace("E", "e"); // 1.0e308, not three hundred digits
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
