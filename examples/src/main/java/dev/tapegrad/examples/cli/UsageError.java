package dev.tapegrad.examples.cli;

/**
 * A bad option value found by a command's own checks (a negative epoch count, an unknown loss, a plot
 * path that cannot be written). {@link CommandBase} prints its message as one line and exits with
 * {@link ExitCode#USAGE}; no stack trace is ever shown for it.
 */
public final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error whose message is the whole line the user sees, naming the option and the fix. */
    public UsageError(String message) {
        super(message, null, false, false);
    }
}
