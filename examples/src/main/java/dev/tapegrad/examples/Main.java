package dev.tapegrad.examples;

import dev.tapegrad.examples.backprop.CheckBackpropCommand;
import dev.tapegrad.examples.bench.BenchCommand;
import dev.tapegrad.examples.classify.ClassifyCommand;
import dev.tapegrad.examples.cli.ErrorHandlers;
import dev.tapegrad.examples.cli.ExitCode;
import dev.tapegrad.examples.cli.VersionProvider;
import dev.tapegrad.examples.newton.NewtonCommand;
import dev.tapegrad.examples.tasks.BitsParityCommand;
import dev.tapegrad.examples.tasks.ParityCommand;
import dev.tapegrad.examples.tasks.XorCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The examples program: one subcommand per example. Run without arguments it lists them.
 *
 * <p>Every command can run in-process: {@code commandLine().setOut(..).setErr(..).execute(args)}
 * returns the exit code and nothing but {@link #main} calls {@code System.exit}.
 */
@Command(
        name = Main.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        synopsisSubcommandLabel = "COMMAND",
        description = "Small neural networks trained by Tapegrad, a tape-based automatic differentiation library "
                + "for Java: no derivative is written by hand. Each command trains with a fixed seed, shows its "
                + "progress, prints its predictions beside the targets and can plot its learning curves.",
        descriptionHeading = "%n",
        optionListHeading = "%nOptions:%n",
        commandListHeading = "%nCommands:%n",
        subcommands = {
            XorCommand.class, ParityCommand.class, BitsParityCommand.class, CheckBackpropCommand.class, ClassifyCommand.class,
            NewtonCommand.class,
            BenchCommand.class
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  the command reached its target (training: the target accuracy)",
            "  1  it ran but missed its target",
            "  2  a bad option; nothing was run",
            "  3  a failure while running (for example a file that could not be written)",
            "",
            "Start with:  tapegrad-examples xor",
            "Then:        tapegrad-examples <command> --help"
        })
public final class Main implements Callable<Integer> {
    /** The program's name, as usage lines and messages show it. */
    static final String NAME = "tapegrad-examples";

    @Spec
    private CommandSpec spec;

    /** The program's command line with one-line error handling installed; what {@link #main} runs. */
    public static CommandLine commandLine() {
        return ErrorHandlers.install(new CommandLine(new Main()));
    }

    /** Runs the program and exits with the command's exit code. */
    public static void main(String[] args) {
        // Plots are drawn off-screen; never try to open a display.
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine().execute(args));
    }

    /** Without a subcommand: the list of commands, on standard output. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.OK;
    }
}
