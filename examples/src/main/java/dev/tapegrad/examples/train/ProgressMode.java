package dev.tapegrad.examples.train;

/** How a training command shows its progress on the error stream. */
public enum ProgressMode {
    /** A bar when running in an interactive terminal, nothing otherwise (pipes, files, tests). */
    auto,
    /** A bar redrawn in place on one line. */
    bar,
    /** One plain line at every tenth of the run: readable in a log file. */
    lines,
    /** Nothing until the summary. */
    off
}
