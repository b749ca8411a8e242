package dev.tapegrad.nn.diagnose;

/** How much a {@link Finding} matters, least first; a healthy run has nothing above {@link #INFO}. */
public enum Severity {
    /** A measurement worth knowing, not a problem. */
    INFO,
    /** Something that slows or stops learning. */
    WARNING,
    /** Something that makes the numbers meaningless (NaN or infinity). */
    ERROR;

    /** Whether this severity is at least {@code other}. */
    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
