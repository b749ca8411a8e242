package dev.tapegrad.examples.train;

import dev.tapegrad.examples.cli.Checks;
import dev.tapegrad.examples.cli.CommandBase;
import dev.tapegrad.examples.cli.ExitCode;
import dev.tapegrad.examples.cli.UsageError;
import dev.tapegrad.nn.Trainer;
import dev.tapegrad.nn.TrainingResult;
import dev.tapegrad.nn.diagnose.DiagnosisListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import picocli.CommandLine.Option;

/**
 * What every training command shares: the output options, the run (progress while training), and the
 * report (predictions beside targets, accuracy, the epoch it reached the target, wall time, an optional
 * plot). A subcommand only says what to train, in {@link #experiment()}. Exit code 0 when the target
 * accuracy was reached, 1 when not.
 */
public abstract class TrainingCommand extends CommandBase {
    @Option(names = "--plot", paramLabel = "FILE.png", order = 100,
            description = "Write the loss and accuracy curves to this PNG file.")
    Path plot;

    @Option(names = "--plot-size", paramLabel = "WxH", order = 101,
            description = "The plot's size in pixels (default: ${DEFAULT-VALUE}).")
    String plotSize = "800x600";

    @Option(names = "--graph", paramLabel = "FILE.dot", order = 102,
            description = "Write one full-batch step of the trained network (forward, loss, backward) as Graphviz DOT.")
    Path graph;

    @Option(names = "--progress", paramLabel = "MODE", order = 103,
            description = "auto (a bar on a terminal, else nothing), bar, lines or off (default: ${DEFAULT-VALUE}).")
    String progress = "auto";

    @Option(names = "--stop-early", order = 104,
            description = "Stop at the first epoch that reaches the target accuracy instead of training all --epochs.")
    boolean stopEarly;

    /** The output options; a subcommand handles its own and then calls this. */
    @Override
    protected int setOption(String option, String value) {
        switch (option) {
            case "--stop-early" -> {
                stopEarly = true;
                return 1;
            }
            case "--progress" -> progress = value;
            case "--plot-size" -> plotSize = value;
            case "--plot" -> plot = path(value);
            case "--graph" -> graph = path(value);
            default -> {
                return 0;
            }
        }
        // Without a value (or with one that is no path) picocli says what is wrong.
        boolean set = switch (option) {
            case "--plot" -> plot != null;
            case "--graph" -> graph != null;
            default -> value != null;
        };
        return set ? 2 : 0;
    }

    /** The path {@code value} names, or null if there is none or it is not one. */
    private static Path path(String value) {
        try {
            return value == null ? null : Path.of(value);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Checks this command's own options and describes what to train; throws {@code UsageError} for a bad option. */
    protected abstract Experiment experiment();

    /**
     * Prints an explanation after the summary (such as why a network cannot learn the task) and returns
     * true, or returns false having printed nothing, in which case a missed target gets the generic hint.
     */
    protected boolean explain(PrintWriter out, Experiment e, double[] outputs, boolean reached) {
        return false;
    }

    @Override
    protected final int run() throws IOException {
        List<String> modes = new ArrayList<>();
        for (ProgressMode m : ProgressMode.values()) {
            modes.add(m.name());
        }
        ProgressMode mode = ProgressMode.valueOf(Checks.oneOf("--progress", progress, modes));
        int[] size = plotSize();
        if (plot != null) {
            Checks.writableFile("--plot", plot, ".png");
        }
        if (graph != null) {
            Checks.writableFile("--graph", graph, ".dot");
        }
        Experiment e = experiment();

        PrintWriter out = out();
        out.println(e.title());
        for (String line : e.description()) {
            out.println("  " + line);
        }
        out.println();
        out.flush();

        History history = new History();
        DiagnosisListener diagnosis = AfterTraining.listener(e);
        Progress bar = new Progress(mode, System.console() != null, err(), e.epochs());
        Trainer.Builder tb = Trainer.builder(e.model(), e.optimizer(), e.loss())
                .data(e.features(), e.targets())
                .epochs(e.epochs())
                .listener(AfterTraining.watching(diagnosis))
                .listener(r -> {
                    EpochStats s = new EpochStats(r.epoch(), r.loss(), r.accuracy(), r.elapsed().toNanos() / 1e9);
                    history.add(s);
                    bar.update(s);
                });
        if (e.batchSize() != Experiment.FULL_BATCH) {
            tb.batchSize(e.batchSize());
        }
        if (e.shuffleSeed() != null) {
            tb.shuffle(new SplittableRandom(e.shuffleSeed()));
        }
        if (stopEarly) {
            tb.targetAccuracy(e.targetAccuracy());
        }
        TrainingResult result;
        try {
            result = tb.build().fit();
        } finally {
            bar.finish();
        }

        double[] outputs = outputs(e);
        int right = PredictionTable.print(out, e, outputs);
        boolean reached = right >= Math.round(e.targetAccuracy() * e.targets().length);
        Summary.print(out, e, history, result, right);
        if (!explain(out, e, outputs, reached) && !reached) {
            Summary.printHint(out, result);
        }
        if (!reached) {
            AfterTraining.printDiagnosis(out, diagnosis, result);
        }
        if (graph != null) {
            AfterTraining.writeGraph(graph, e);
            out.println();
            out.println("  graph written to " + graph + " (render it with: dot -Tsvg " + graph + " -o graph.svg)");
        }
        if (plot != null) {
            PlotWriter.write(history, plot, size[0], size[1], name(), e.targetAccuracy());
            out.println();
            out.println("  plot written to " + plot);
        }
        return reached ? ExitCode.OK : ExitCode.TARGET_MISSED;
    }

    private static double[] outputs(Experiment e) {
        double[][] rows = e.model().predict(e.features());
        double[] first = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            first[i] = rows[i][0];
        }
        return first;
    }

    private int[] plotSize() {
        String[] parts = plotSize.toLowerCase(Locale.ROOT).split("x", -1);
        try {
            if (parts.length == 2) {
                int w = Integer.parseInt(parts[0].strip());
                int h = Integer.parseInt(parts[1].strip());
                Checks.inRange("--plot-size width", w, PlotWriter.MIN_WIDTH, PlotWriter.MAX_SIDE);
                Checks.inRange("--plot-size height", h, PlotWriter.MIN_HEIGHT, PlotWriter.MAX_SIDE);
                return new int[] {w, h};
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message below, which shows the expected form
        }
        throw new UsageError("--plot-size must look like 800x600 (width x height in pixels), got '" + plotSize + "'");
    }
}
