package dev.tapegrad.examples.cli;

import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * One-line error messages for what picocli itself rejects (an unknown option, a value that is not a
 * number) and for anything thrown while running: the program never shows a stack trace.
 */
public final class ErrorHandlers implements IParameterExceptionHandler, IExecutionExceptionHandler {
    /** Installs both handlers on {@code cl}; returns it. */
    public static CommandLine install(CommandLine cl) {
        ErrorHandlers h = new ErrorHandlers();
        return cl.setParameterExceptionHandler(h).setExecutionExceptionHandler(h);
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        String message = ex.getMessage();
        if (ex instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            message += "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
        }
        cl.getErr().println(usageLine(cl, message));
        cl.getErr().flush();
        return ExitCode.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult result) {
        cl.getErr().println(failureLine(cl, ex));
        cl.getErr().flush();
        return ExitCode.FAILURE;
    }

    /** {@code tapegrad-examples xor: <message> (see 'tapegrad-examples xor --help')}, on one line. */
    static String usageLine(CommandLine cl, String message) {
        return usageLine(cl.getCommandSpec().qualifiedName(), message);
    }

    /** As {@link #usageLine(CommandLine, String)} for the command whose full name is {@code name}. */
    static String usageLine(String name, String message) {
        return String.format(Locale.ROOT, "%s: %s (see '%s --help')", name, oneLine(message), name);
    }

    /** The failure's type and message on one line. */
    static String failureLine(CommandLine cl, Throwable e) {
        return failureLine(cl.getCommandSpec().qualifiedName(), e);
    }

    /** As {@link #failureLine(CommandLine, Throwable)} for the command whose full name is {@code name}. */
    static String failureLine(String name, Throwable e) {
        String what = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return String.format(Locale.ROOT, "%s: failed: %s", name, oneLine(what));
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
