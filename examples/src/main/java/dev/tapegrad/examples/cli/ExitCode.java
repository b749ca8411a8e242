package dev.tapegrad.examples.cli;

/** The program's exit codes, the same for every subcommand. */
public final class ExitCode {
    /** The command ran and reached its target (training commands: the target accuracy). */
    public static final int OK = 0;
    /** The command ran but did not reach its target. */
    public static final int TARGET_MISSED = 1;
    /** A bad option or argument; nothing was run. */
    public static final int USAGE = 2;
    /** Something failed while running (an I/O error writing a file, an internal error). */
    public static final int FAILURE = 3;

    private ExitCode() {}
}
