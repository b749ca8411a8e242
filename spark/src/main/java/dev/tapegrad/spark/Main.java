package dev.tapegrad.spark;

import dev.tapegrad.spark.cli.BenchCommand;
import dev.tapegrad.spark.cli.SweepCommand;
import dev.tapegrad.spark.cli.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command-line entry point: {@code sweep bits-parity ...} and {@code train ...}, each with
 * {@code --help} and {@code --master} (default {@code local[*]}). Exit code 0 on success, 1 when a
 * sweep's run missed its target, 2 for bad options or bad input (one line saying what is wrong).
 */
@Command(name = "tapegrad-spark", mixinStandardHelpOptions = true, version = "tapegrad-spark",
        usageHelpAutoWidth = true, synopsisSubcommandLabel = "COMMAND",
        description = "Tapegrad on Apache Spark: sweeps over seeds and settings as one job, and full-batch "
                + "L-BFGS with gradients summed across partitions.",
        commandListHeading = "%nCommands:%n",
        subcommands = {SweepCommand.class, TrainCommand.class, BenchCommand.class})
public final class Main implements Runnable {
    private Main() {}

    /** The command line, with a one-line message for bad input; what {@link #main} runs. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                line.getErr().println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cl;
    }

    /** Runs the program and exits with the command's exit code. */
    public static void main(String[] args) {
        // Spark logs at INFO by default; keep the console for the results unless the user chose a config.
        if (System.getProperty("log4j2.configurationFile") == null
                && System.getProperty("log4j.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "tapegrad-spark-log4j2.properties");
        }
        System.exit(commandLine().execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
