package dev.tapegrad.examples.tasks;

import dev.tapegrad.examples.cli.Checks;
import dev.tapegrad.examples.cli.Format;
import dev.tapegrad.examples.cli.VersionProvider;
import dev.tapegrad.examples.train.Experiment;
import dev.tapegrad.examples.train.Losses;
import dev.tapegrad.examples.train.TrainingCommand;
import dev.tapegrad.nn.Mlp;
import dev.tapegrad.nn.Sequential;
import dev.tapegrad.nn.Sgd;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code xor}: the first seed's 3-bit function (inputs 000..111, targets 1,1,1,0,1,0,1,1) learned by
 * a 3-4-1 sigmoid network with per-sample SGD.
 */
@Command(
        name = "xor",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        abbreviateSynopsis = true,
        usageHelpAutoWidth = true,
        descriptionHeading = "%n",
        optionListHeading = "%nOptions:%n",
        header = "Learn an XOR-like 3-bit function (y = 1,1,1,0,1,0,1,1) with a 3-4-1 sigmoid network.",
        description = "Trains Mlp.sigmoid(3, 4, 1) on x = 000..111, y = 1,1,1,0,1,0,1,1 with per-sample SGD and "
                + "MSE, then prints each input with its target, the network's output and its prediction, the "
                + "accuracy, the epoch at which it first reached 100%% and the wall time.",
        footerHeading = "%nExamples:%n",
        footer = {"  tapegrad-examples xor", "  tapegrad-examples xor --loss bce --lr 1 --plot xor.png",
                  "  tapegrad-examples xor --epochs 20    (too short: misses the target, exits 1)"})
public final class XorCommand extends TrainingCommand {
    /** The first seed's targets for inputs 000, 001, ..., 111. */
    static final int[] TARGETS = {1, 1, 1, 0, 1, 0, 1, 1};

    @Option(names = "--seed", paramLabel = "SEED", order = 1,
            description = "Seed for the initial weights (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--lr", paramLabel = "RATE", order = 2,
            description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double lr = 0.5;

    @Option(names = "--epochs", paramLabel = "N", order = 3,
            description = "Most epochs to train; one epoch is 8 steps (default: ${DEFAULT-VALUE}).")
    int epochs = 1000;

    @Option(names = "--hidden", paramLabel = "WIDTH", order = 4,
            description = "Hidden units (default: ${DEFAULT-VALUE}).")
    int hidden = 4;

    @Option(names = "--loss", paramLabel = "NAME", order = 5,
            description = "mse or bce (default: ${DEFAULT-VALUE}).")
    String loss = "mse";

    /** This command's options as picocli converts them (its converters call the same parse methods). */
    @Override
    protected int setOption(String option, String value) {
        if (value == null) {
            return super.setOption(option, value);
        }
        try {
            switch (option) {
                case "--seed" -> seed = Long.parseLong(value);
                case "--lr" -> lr = Double.parseDouble(value);
                case "--epochs" -> epochs = Integer.parseInt(value);
                case "--hidden" -> hidden = Integer.parseInt(value);
                case "--loss" -> loss = value;
                default -> {
                    return super.setOption(option, value);
                }
            }
            return 2;
        } catch (NumberFormatException e) {
            return 0; // picocli reports it
        }
    }

    @Override
    protected Experiment experiment() {
        Checks.positive("--epochs", epochs);
        Checks.positive("--lr", lr);
        Checks.inRange("--hidden", hidden, 1, 4096);
        var lossFunction = Losses.byName(loss);
        double[][] x = new double[8][3];
        double[][] y = new double[8][1];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            for (int b = 0; b < 3; b++) {
                x[i][b] = (i >> (2 - b)) & 1;
            }
            y[i][0] = TARGETS[i];
            labels.add(String.format(Format.NUMBERS, "%d %d %d", (i >> 2) & 1, (i >> 1) & 1, i & 1));
        }
        Sequential net = Mlp.sigmoid(new SplittableRandom(seed), 3, hidden, 1);
        return new Experiment(
                "xor: an XOR-like 3-bit function, y = 1,1,1,0,1,0,1,1 for x = 000..111",
                List.of(
                        String.format(Format.NUMBERS, "network   3-%d-1, sigmoid after every layer, seed %d", hidden, seed),
                        String.format(Format.NUMBERS, "training  %s loss, per-sample SGD, learning rate %s, up to %d epochs",
                                Losses.displayName(loss), Format.plain(lr), epochs)),
                "input", labels, x, y, net,
                Sgd.builder(net.parameters()).learningRate(lr).build(),
                lossFunction, Losses.displayName(loss), Experiment.PER_SAMPLE, null, epochs, 1.0);
    }
}
