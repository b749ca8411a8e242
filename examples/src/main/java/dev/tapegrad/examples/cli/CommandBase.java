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
    /** Set instead of {@link #spec} when {@link DirectStart} runs the command without picocli. */
    private Direct direct;

    /** What picocli's model would otherwise give a command started directly: its names and writers. */
    private record Direct(String name, String qualifiedName, PrintWriter out, PrintWriter err) {}

    /** Runs the command; returns an {@link ExitCode}. Throws {@link UsageError} for a bad option. */
    protected abstract int run() throws Exception;

    /**
     * Sets one option from the arguments, for {@link DirectStart}: {@code option} is an argument
     * (such as {@code --epochs}) and {@code value} the one after it, or null when there is none or it
     * looks like an option. Returns how many arguments were used: 1 for a flag, 2 for an option and
     * its value, or 0 when this is not an option of this command or not in a form picocli is sure to
     * read the same way (then the whole command line goes to picocli instead). By default 0: every
     * option goes to picocli. A command that sets an option here gives it its default as the field's
     * initial value, not as the annotation's {@code defaultValue}, so both paths start from one value.
     */
    protected int setOption(String option, String value) {
        return 0;
    }

    /**
     * Runs the command, whose options {@link #setOption} has set, without picocli: as
     * {@code parent name}, printing to {@code out} and {@code err}. Returns its exit code.
     */
    final int callDirectly(String parent, String name, PrintWriter out, PrintWriter err) {
        direct = new Direct(name, parent + " " + name, out, err);
        return call();
    }

    @Override
    public final Integer call() {
        try {
            return run();
        } catch (UsageError e) {
            err().println(ErrorHandlers.usageLine(commandName(), e.getMessage()));
            return ExitCode.USAGE;
        } catch (Exception | Error e) {
            // Errors too (a missing class, out of memory): the user gets one line, not a stack trace.
            err().println(ErrorHandlers.failureLine(commandName(), e));
            return ExitCode.FAILURE;
        } finally {
            out().flush();
            err().flush();
        }
    }

    /** The standard output writer of the command line running this command. */
    protected final PrintWriter out() {
        return direct != null ? direct.out() : spec.commandLine().getOut();
    }

    /** The error writer of the command line running this command: progress and errors go here. */
    protected final PrintWriter err() {
        return direct != null ? direct.err() : spec.commandLine().getErr();
    }

    /**
     * The command's model, as picocli built it from the annotations; null when the command was started
     * without picocli (see {@link DirectStart}), so a command that needs it sets no option directly.
     */
    protected final CommandSpec spec() {
        return spec;
    }

    /** The command's own name, such as {@code xor}. */
    protected final String name() {
        return direct != null ? direct.name() : spec.name();
    }

    /** The command's full name, such as {@code tapegrad-examples xor}. */
    protected final String commandName() {
        return direct != null ? direct.qualifiedName() : spec.qualifiedName();
    }
}
