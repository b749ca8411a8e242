package dev.tapegrad.examples.classify;

import dev.tapegrad.examples.cli.Checks;
import dev.tapegrad.examples.cli.CommandBase;
import dev.tapegrad.examples.cli.ExitCode;
import dev.tapegrad.examples.cli.UsageError;
import dev.tapegrad.examples.cli.VersionProvider;
import dev.tapegrad.nn.Adam;
import dev.tapegrad.nn.Checkpoint;
import dev.tapegrad.nn.Loss;
import dev.tapegrad.nn.Mlp;
import dev.tapegrad.nn.Parameter;
import dev.tapegrad.nn.ReLU;
import dev.tapegrad.nn.Sequential;
import dev.tapegrad.nn.Trainer;
import dev.tapegrad.nn.TrainingResult;
import dev.tapegrad.nn.data.CsvDataException;
import dev.tapegrad.nn.data.CsvDataset;
import dev.tapegrad.nn.data.Dataset;
import dev.tapegrad.nn.data.Standardization;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;
import java.util.SplittableRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code classify}: an MLP classifier for a CSV file. Reads the file (a header row, one named label
 * column, every other column a number), splits off a stratified test part, then a validation part of
 * what is left, standardises with the training rows' statistics, trains with cross-entropy and Adam,
 * stops early on the validation loss and prints the three accuracies and the test confusion matrix.
 */
@Command(
        name = "classify",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        abbreviateSynopsis = true,
        usageHelpAutoWidth = true,
        descriptionHeading = "%n",
        optionListHeading = "%nOptions:%n",
        header = "Train an MLP classifier on a CSV file and report its test accuracy.",
        description = "Reads FILE.csv (a header row naming the columns; COLUMN holds each row's class label, "
                + "every other column a number), splits off a stratified test part, then a validation part of "
                + "the rest, standardises the features with the training rows' mean and standard deviation, and "
                + "trains a ReLU MLP with cross-entropy and Adam in shuffled mini-batches, keeping the weights "
                + "of the epoch with the lowest validation loss. Prints progress, the train, validation and test "
                + "accuracy, the test confusion matrix and the wall time. Exit code 2 with one line for a bad "
                + "file or option.",
        footerHeading = "%nExamples:%n",
        footer = {"  tapegrad-examples classify --data examples/data/wine.csv --target class",
                  "  tapegrad-examples classify --data my.csv --target label --hidden 128,64",
                  "  tapegrad-examples classify --data my.csv --target label --save model.safetensors"})
public final class ClassifyCommand extends CommandBase {
    @Option(names = "--data", paramLabel = "FILE.csv", required = true, order = 0,
            description = "The CSV file: a header row, then one row per sample.")
    Path data;

    @Option(names = "--target", paramLabel = "COLUMN", required = true, order = 1,
            description = "The column holding the class labels (text or numbers).")
    String target;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.2", order = 2,
            description = "Share of the rows held out for testing, stratified by class (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--validation-fraction", paramLabel = "F", defaultValue = "0.2", order = 3,
            description = "Share of the remaining rows used for validation and early stopping (default: "
                    + "${DEFAULT-VALUE}).")
    double validationFraction;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42", order = 4,
            description = "Seed for the split, the initial weights and the batch order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--hidden", paramLabel = "WIDTHS", defaultValue = "64", order = 5,
            description = "Hidden layer widths, comma-separated, such as 128,64 (default: ${DEFAULT-VALUE}).")
    String hidden;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "500", order = 6,
            description = "Most epochs to train (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--patience", paramLabel = "N", defaultValue = "20", order = 7,
            description = "Stop when the validation loss has not improved for N epochs (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--min-delta", paramLabel = "D", defaultValue = "0.001", order = 8,
            description = "The least fall in validation loss that counts as an improvement; a smaller one "
                    + "trains on towards memorising the training rows (default: ${DEFAULT-VALUE}).")
    double minDelta;

    @Option(names = "--lr", paramLabel = "RATE", defaultValue = "0.001", order = 9,
            description = "Adam's learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--weight-decay", paramLabel = "W", defaultValue = "0", order = 10,
            description = "AdamW's decoupled weight decay (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "32", order = 11,
            description = "Rows per step, shuffled every epoch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--save", paramLabel = "FILE.safetensors", order = 12,
            description = "Save the trained model and its standardisation (safetensors, readable by PyTorch).")
    Path save;

    @Option(names = "--split-out", paramLabel = "FILE.csv", order = 13,
            description = "Write which part (train, validation, test) each row went to, to compare another tool "
                    + "on the same split.")
    Path splitOut;

    @Override
    protected int run() throws IOException {
        checkOptions();
        long start = System.nanoTime();
        Dataset all = read();
        if (all.numClasses() < 2) {
            throw new UsageError(String.format(Locale.ROOT, "--target %s: every row of %s has the label '%s'; "
                    + "classification needs at least two classes", target, data, all.classNames().get(0)));
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Parts parts = Parts.of(all, testFraction, validationFraction, rng);
        Standardization scale = Standardization.fit(parts.train());
        int[] widths = widths();
        Sequential mlp = Mlp.builder(sizes(all.numFeatures(), widths, all.numClasses())).hidden(ReLU::new)
                .linearOutput().build(rng);
        Sequential model = new Sequential(scale, mlp);
        Adam adam = Adam.builder(model.parameters()).learningRate(lr).weightDecay(weightDecay).decoupledWeightDecay(true).build();

        Report report = new Report(out(), err());
        report.header(data, all, parts, seed, widths, lr, weightDecay, batch);
        TrainingResult result = Trainer.builder(model, adam, Loss::crossEntropy)
                .data(parts.train()).validation(parts.validation()).batchSize(batch).shuffle(rng)
                .epochs(epochs).earlyStopping(patience, minDelta).listener(report.progress(epochs)).build().fit();
        model.eval();
        report.results(result, model, parts);
        if (splitOut != null) {
            parts.write(splitOut);
            report.line("split written to " + splitOut);
        }
        if (save != null) {
            Map<String, Parameter> state = new LinkedHashMap<>(model.namedParameters());
            for (Parameter p : scale.state()) {
                state.put(p.name(), p);
            }
            Checkpoint.save(save, state);
            report.line("saved the model and its standardisation to " + save);
        }
        report.line(String.format(Locale.ROOT, "wall time %.2f s", (System.nanoTime() - start) / 1e9));
        return ExitCode.OK;
    }

    private Dataset read() throws IOException {
        try {
            return CsvDataset.read(data, target);
        } catch (NoSuchFileException e) {
            throw new UsageError("--data " + data + ": no such file");
        } catch (CsvDataException e) {
            throw new UsageError("--data " + e.getMessage());
        }
    }

    private void checkOptions() {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new UsageError("--test-fraction must be between 0 and 1 (exclusive), got " + testFraction);
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new UsageError("--validation-fraction must be between 0 and 1 (exclusive), got " + validationFraction);
        }
        Checks.positive("--epochs", epochs);
        Checks.positive("--patience", patience);
        Checks.positive("--batch", batch);
        Checks.positive("--lr", lr);
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new UsageError("--min-delta must be a number >= 0, got " + minDelta);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new UsageError("--weight-decay must be a number >= 0, got " + weightDecay);
        }
        widths();
        if (save != null) {
            Checks.writableFile("--save", save, ".safetensors");
        }
        if (splitOut != null) {
            Checks.writableFile("--split-out", splitOut, ".csv");
        }
    }

    private int[] widths() {
        String[] parts = hidden.split(",", -1);
        int[] w = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                w[i] = Integer.parseInt(parts[i].strip());
            } catch (NumberFormatException e) {
                w[i] = 0;
            }
            if (w[i] <= 0) {
                throw new UsageError("--hidden '" + hidden + "': give positive whole numbers separated by commas, "
                        + "such as 64 or 128,64");
            }
        }
        return w;
    }

    private static int[] sizes(int in, int[] hidden, int out) {
        int[] s = new int[hidden.length + 2];
        s[0] = in;
        System.arraycopy(hidden, 0, s, 1, hidden.length);
        s[s.length - 1] = out;
        return s;
    }
}
