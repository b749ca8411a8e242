package dev.tapegrad.autograd.programs;

/**
 * What a random program's evaluation saw that could make a finite difference meaningless: how close
 * an argument of abs or relu came to the kink at 0, how close a divisor came to 0, how large any
 * value grew, and how close a maximum came to a different runner-up (a near-tie). A program passes
 * the guard only when it keeps well clear of all of these, so a failing check is a real bug.
 */
final class Guard {
    private double kink = Double.POSITIVE_INFINITY;
    private double divisor = Double.POSITIVE_INFINITY;
    private double magnitude;
    private double tie = Double.POSITIVE_INFINITY;
    private boolean finite = true;

    /**
     * An argument of abs or relu. An exact 0 is let through: in these programs it only arises
     * structurally (relu of a negative value, {@code x - x}, a product with such a zero) and is then
     * 0 throughout a neighbourhood, where both derivatives are 0 as well.
     */
    void kink(double x) {
        if (x != 0.0) {
            kink = Math.min(kink, Math.abs(x));
        }
    }

    void divisor(double x) {
        divisor = Math.min(divisor, Math.abs(x));
    }

    void tie(double gap) {
        tie = Math.min(tie, gap);
    }

    double value(double v) {
        finite &= Double.isFinite(v);
        magnitude = Math.max(magnitude, Math.abs(v));
        return v;
    }

    void values(double[] v) {
        for (double x : v) {
            value(x);
        }
    }

    /** Whether the program stays in the region where central differences are trustworthy. */
    boolean safe() {
        return finite && kink > 1e-3 && divisor > 0.2 && magnitude < 100 && tie > 1e-3;
    }

    @Override
    public String toString() {
        return String.format("kink %.3g, divisor %.3g, magnitude %.3g, tie %.3g, finite %s",
                kink, divisor, magnitude, tie, finite);
    }
}
