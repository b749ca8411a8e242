package dev.tapegrad.examples.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: output through picocli's writers (so tests can capture it) and the
 * rule that a bad option is one line on the error writer and {@link ExitCode#USAGE}, an unexpected
 * failure one line and {@link ExitCode#FAILURE}, never a stack trace. The checks a command makes itself
 * hold even under a plain {@code new CommandLine(new Main())}; what picocli rejects while parsing (an
 * unknown option, a value that is not a number) is one line only with {@link ErrorHandlers} installed,
 * as {@code Main.commandLine()} does.
 */
public abstract class CommandBase implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    /** Runs the command; returns an {@link ExitCode}. Throws {@link UsageError} for a bad option. */
    protected abstract int run() throws Exception;

    @Override
    public final Integer call() {
        try {
            return run();
        } catch (UsageError e) {
            err().println(ErrorHandlers.usageLine(spec.commandLine(), e.getMessage()));
            return ExitCode.USAGE;
        } catch (Exception | Error e) {
            // Errors too (a missing class, out of memory): the user gets one line, not a stack trace.
            err().println(ErrorHandlers.failureLine(spec.commandLine(), e));
            return ExitCode.FAILURE;
        } finally {
            out().flush();
            err().flush();
        }
    }

    /** The standard output writer of the command line running this command. */
    protected final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** The error writer of the command line running this command: progress and errors go here. */
    protected final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The command's model, as picocli built it from the annotations. */
    protected final CommandSpec spec() {
        return spec;
    }

    /** The command's full name, such as {@code tapegrad-examples xor}. */
    protected final String commandName() {
        return spec.qualifiedName();
    }
}
