package dev.tapegrad.spark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sweep}: a grid of trainings as one Spark job; one subcommand per task. */
@Command(name = "sweep", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Train many small networks (seeds x settings) as one Spark job, one task per training.",
        synopsisSubcommandLabel = "TASK", commandListHeading = "%nTasks:%n",
        subcommands = {BitsParitySweepCommand.class})
public final class SweepCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
