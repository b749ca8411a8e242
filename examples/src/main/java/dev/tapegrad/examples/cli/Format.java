package dev.tapegrad.examples.cli;

import java.math.BigDecimal;
import java.util.Locale;

/** Number formatting for what the user typed back to them: {@code 5}, {@code 0.05}, {@code 1000000}. */
public final class Format {
    /**
     * The locale the training commands format their numbers in. Its digits and decimal point are the
     * plain ASCII ones {@code Locale.ROOT} gives too, but {@link java.util.Formatter} formats for
     * {@code Locale.US} without loading the locale data, which would take a tenth of {@code xor}'s
     * start-up.
     */
    public static final Locale NUMBERS = Locale.US;

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
