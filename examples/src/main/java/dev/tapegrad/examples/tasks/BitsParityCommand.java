package dev.tapegrad.examples.tasks;

import dev.tapegrad.examples.cli.Checks;
import dev.tapegrad.examples.cli.Format;
import dev.tapegrad.examples.cli.VersionProvider;
import dev.tapegrad.examples.train.Experiment;
import dev.tapegrad.examples.train.Losses;
import dev.tapegrad.examples.train.TrainingCommand;
import dev.tapegrad.nn.Mlp;
import dev.tapegrad.nn.Sequential;
import dev.tapegrad.nn.Sigmoid;
import dev.tapegrad.nn.Tanh;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bits-parity}: classic N-bit parity (target 1 when an odd number of bits are set) over all
 * 2^N inputs, with a recipe per size: full-batch plain SGD and a wide hidden layer up to 6 bits, Adam
 * above. Options left out take the recipe's value for the chosen {@code --bits}.
 */
@Command(
        name = "bits-parity",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        abbreviateSynopsis = true,
        usageHelpAutoWidth = true,
        descriptionHeading = "%n",
        optionListHeading = "%nOptions:%n",
        header = "Learn N-bit parity (2 to 10 bits) with a recipe that works for each size.",
        description = "Trains a one-hidden-layer network on all 2^N inputs of N bits, target 1 when an odd "
                + "number of them are 1, with cross-entropy on a sigmoid output and full-batch training. The "
                + "recipe: up to 6 bits, 64 sigmoid units and plain SGD (lr 5); 7 to 9 bits, 64 tanh units "
                + "and Adam (lr 0.02); 10 bits, 128 tanh units and Adam, about a minute. Options you leave "
                + "out take the recipe's value for the chosen --bits.",
        footerHeading = "%nExamples:%n",
        footer = {"  tapegrad-examples bits-parity --bits 5",
                  "  tapegrad-examples bits-parity --bits 8 --plot parity8.png"})
public final class BitsParityCommand extends TrainingCommand {
    private static final List<String> ACTIVATIONS = List.of("sigmoid", "tanh");

    @Option(names = "--bits", paramLabel = "N", defaultValue = "4", order = 0,
            description = "Number of input bits, 2 to 10 (default: ${DEFAULT-VALUE}).")
    int bits;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", order = 1,
            description = "Seed for the initial weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--lr", paramLabel = "RATE", order = 2,
            description = "Learning rate (default: by recipe; with --optimizer, 5 for sgd and 0.02 for adam).")
    Double lr;

    @Option(names = "--epochs", paramLabel = "N", order = 3, description = "Most epochs to train (default: by recipe).")
    Integer epochs;

    @Option(names = "--hidden", paramLabel = "WIDTH", order = 4, description = "Hidden units (default: by recipe).")
    Integer hidden;

    @Option(names = "--loss", paramLabel = "NAME", order = 6, description = "mse or bce (default: by recipe).")
    String loss;

    @Option(names = "--batch", paramLabel = "N", order = 7,
            description = "Samples per step, shuffled each epoch; 0 is the full batch in order (default: by recipe).")
    Integer batch;

    @Option(names = "--activation", paramLabel = "NAME", order = 5,
            description = "The hidden layer's activation, sigmoid or tanh; the output is always a sigmoid "
                    + "(default: by recipe).")
    String activation;

    @Option(names = "--optimizer", paramLabel = "NAME", order = 8,
            description = "sgd or adam (default: by recipe: sgd up to 6 bits, adam above).")
    String optimizer;

    @Override
    protected Experiment experiment() {
        Checks.inRange("--bits", bits, ParityRecipe.MIN_BITS, ParityRecipe.MAX_BITS);
        ParityRecipe r = ParityRecipe.forBits(bits);
        String opt = optimizer == null ? r.optimizer() : Checks.oneOf("--optimizer", optimizer, Optimizers.NAMES);
        double rate = Checks.positive("--lr", lr != null ? lr
                : opt.equals(r.optimizer()) ? r.learningRate() : ParityRecipe.learningRate(opt));
        int maxEpochs = Checks.positive("--epochs", epochs == null ? r.epochs() : epochs);
        int width = Checks.inRange("--hidden", hidden == null ? r.hidden() : hidden, 1, 4096);
        String lossName = loss == null ? r.loss() : loss;
        int batchSize = Checks.inRange("--batch", batch == null ? r.batch() : batch, 0, 1 << bits);
        var lossFunction = Losses.byName(lossName);

        int n = 1 << bits;
        double[][] x = new double[n][bits];
        double[][] y = new double[n][1];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder label = new StringBuilder();
            for (int b = 0; b < bits; b++) {
                int bit = (i >> (bits - 1 - b)) & 1;
                x[i][b] = bit;
                label.append(b == 0 ? "" : " ").append(bit);
            }
            y[i][0] = Integer.bitCount(i) % 2;
            labels.add(label.toString());
        }
        String act = activation == null ? r.activation() : Checks.oneOf("--activation", activation, ACTIVATIONS);
        Sequential net = Mlp.builder(bits, width, 1)
                .hidden(act.equals("tanh") ? Tanh::new : Sigmoid::new)
                .build(new SplittableRandom(seed));
        return new Experiment(
                String.format(Locale.ROOT, "bits-parity: %d-bit parity, target 1 when an odd number of bits are 1 (%d inputs)",
                        bits, n),
                List.of(
                        String.format(Locale.ROOT, "network   %d-%d-1, %s", bits, width, act.equals("tanh")
                                ? "tanh hidden layer, sigmoid output, seed " + seed
                                : "sigmoid after every layer, seed " + seed),
                        String.format(Locale.ROOT, "training  %s loss, %s %s, learning rate %s, up to %d epochs",
                                Losses.displayName(lossName), batchSize == 0 ? "full-batch"
                                        : "shuffled batches of " + batchSize + ",", Optimizers.displayName(opt),
                                Format.plain(rate), maxEpochs)),
                "input", labels, x, y, net,
                Optimizers.create(opt, net.parameters(), rate),
                lossFunction, Losses.displayName(lossName), batchSize, batchSize == 0 ? null : seed, maxEpochs, 1.0);
    }
}
