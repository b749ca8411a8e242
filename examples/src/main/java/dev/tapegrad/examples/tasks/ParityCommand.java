package dev.tapegrad.examples.tasks;

import dev.tapegrad.examples.cli.Checks;
import dev.tapegrad.examples.cli.Format;
import dev.tapegrad.examples.cli.UsageError;
import dev.tapegrad.examples.cli.VersionProvider;
import dev.tapegrad.examples.train.Experiment;
import dev.tapegrad.examples.train.Losses;
import dev.tapegrad.examples.train.TrainingCommand;
import dev.tapegrad.nn.Mlp;
import dev.tapegrad.nn.Sequential;
import dev.tapegrad.nn.Sgd;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parity}: the second seed's task, even or odd for 1..9 with input x/9. The default 1-16-16-1
 * network learns it; {@code --hidden 1} is the seed's 1-1-1 network, which cannot, and the command
 * explains why.
 */
@Command(
        name = "parity",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        abbreviateSynopsis = true,
        usageHelpAutoWidth = true,
        descriptionHeading = "%n",
        optionListHeading = "%nOptions:%n",
        header = "Tell even from odd for 1..9; --hidden 1 shows why a 1-1-1 network never can.",
        description = "Trains a sigmoid network on n = 1..9 with input x = n/9 and target 1 when n is even, "
                + "full-batch SGD. The default 1-16-16-1 network reaches 100%%. --hidden 1 is the 1-1-1 "
                + "network a hand-written backprop is often tried on: it stops at 5/9, and the output explains why (its output is monotone in x while "
                + "the labels alternate).",
        footerHeading = "%nExamples:%n",
        footer = {"  tapegrad-examples parity", "  tapegrad-examples parity --hidden 1",
                  "  tapegrad-examples parity --hidden 8 --loss bce --lr 2"})
public final class ParityCommand extends TrainingCommand {
    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", order = 1,
            description = "Seed for the initial weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--lr", paramLabel = "RATE", defaultValue = "5", order = 2,
            description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "20000", order = 3,
            description = "Most epochs to train; one epoch is one full-batch step (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--hidden", paramLabel = "W1,W2", hideParamSyntax = true, split = ",", defaultValue = "16,16", order = 4,
            description = "Hidden layer widths, comma-separated; 1 gives a 1-1-1 network (default: ${DEFAULT-VALUE}).")
    int[] hidden;

    @Option(names = "--loss", paramLabel = "NAME", defaultValue = "mse", order = 5,
            description = "mse or bce (default: ${DEFAULT-VALUE}).")
    String loss;

    @Override
    protected Experiment experiment() {
        Checks.positive("--epochs", epochs);
        Checks.positive("--lr", lr);
        if (hidden.length == 0) {
            throw new UsageError("--hidden needs at least one layer width, such as --hidden 16 or --hidden 16,16");
        }
        if (hidden.length > 8) {
            throw new UsageError("--hidden takes at most 8 layer widths, got " + hidden.length);
        }
        for (int w : hidden) {
            Checks.inRange("--hidden width", w, 1, 4096);
        }
        var lossFunction = Losses.byName(loss);
        double[][] x = new double[9][1];
        double[][] y = new double[9][1];
        List<String> labels = new ArrayList<>();
        for (int n = 1; n <= 9; n++) {
            x[n - 1][0] = n / 9.0;
            y[n - 1][0] = n % 2 == 0 ? 1 : 0;
            labels.add(String.format(Locale.ROOT, "%d/9 = %.3f", n, n / 9.0));
        }
        int[] sizes = IntStream.concat(IntStream.concat(IntStream.of(1), Arrays.stream(hidden)), IntStream.of(1)).toArray();
        Sequential net = Mlp.sigmoid(new SplittableRandom(seed), sizes);
        String shape = Arrays.stream(sizes).mapToObj(Integer::toString).collect(Collectors.joining("-"));
        return new Experiment(
                "parity: is n even? for n = 1..9, input x = n/9, target 1 when n is even",
                List.of(
                        String.format(Locale.ROOT, "network   %s, sigmoid after every layer, seed %d%s", shape, seed,
                                isOneOneOne() ? " (the classic 1-1-1 network)" : ""),
                        String.format(Locale.ROOT, "training  %s loss, full-batch SGD, learning rate %s, up to %d epochs",
                                Losses.displayName(loss), Format.plain(lr), epochs)),
                "x", labels, x, y, net,
                Sgd.builder(net.parameters()).learningRate(lr).build(),
                lossFunction, Losses.displayName(loss), Experiment.FULL_BATCH, null, epochs, 1.0);
    }

    @Override
    protected boolean explain(PrintWriter out, Experiment e, double[] outputs, boolean reached) {
        if (!reached && isChainOfOnes()) {
            MonotoneExplanation.print(out, e.targets(), outputs, isOneOneOne());
            return true;
        }
        return false;
    }

    /** The classic 1-1-1 network. */
    private boolean isOneOneOne() {
        return hidden.length == 1 && hidden[0] == 1;
    }

    /** One unit per hidden layer: the output is then a monotone function of the one input. */
    private boolean isChainOfOnes() {
        return Arrays.stream(hidden).allMatch(w -> w == 1);
    }
}
