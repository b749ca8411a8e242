package dev.tapegrad.autograd;

/**
 * Thrown by a tape in anomaly mode ({@link Tape#detectAnomaly(boolean)}) at the first op whose forward
 * or backward produces a NaN or an infinity. The message names the op, its input shapes and the line
 * of user code that recorded it; {@link #anomaly()} holds the same facts as fields.
 */
public final class AnomalyException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    private final transient Anomaly anomaly;

    /** An exception reporting {@code anomaly}. */
    public AnomalyException(Anomaly anomaly) {
        super(anomaly.describe());
        this.anomaly = anomaly;
    }

    /** What was found, or {@code null} after deserialisation. */
    public Anomaly anomaly() {
        return anomaly;
    }
}
