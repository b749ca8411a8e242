package dev.tapegrad.examples.classify;

import dev.tapegrad.nn.EpochReport;
import dev.tapegrad.nn.Layer;
import dev.tapegrad.nn.TrainingListener;
import dev.tapegrad.nn.TrainingResult;
import dev.tapegrad.nn.data.Dataset;
import dev.tapegrad.nn.metrics.ConfusionMatrix;
import dev.tapegrad.nn.metrics.Metrics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** What {@code classify} prints: results on standard output, progress on the error stream. */
final class Report {
    private final PrintWriter out;
    private final PrintWriter err;

    Report(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    void header(Path file, Dataset all, Parts parts, long seed, int[] hidden, double lr, double weightDecay, int batch) {
        int[] counts = new int[all.numClasses()];
        for (int c : all.classes()) {
            counts[c]++;
        }
        String classes = IntStream.range(0, counts.length)
                .mapToObj(c -> all.classNames().get(c) + " " + counts[c]).collect(Collectors.joining(", "));
        line(String.format(Locale.ROOT, "data: %s, %d rows, %d features, %d classes (%s)", file, all.size(),
                all.numFeatures(), all.numClasses(), classes));
        line(String.format(Locale.ROOT, "split (seed %d, stratified): %d train, %d validation, %d test", seed,
                parts.train().size(), parts.validation().size(), parts.test().size()));
        String sizes = all.numFeatures() + "-" + Arrays.stream(hidden).mapToObj(Integer::toString)
                .collect(Collectors.joining("-")) + "-" + all.numClasses();
        String decay = weightDecay > 0 ? ", weight decay " + weightDecay : "";
        line(String.format(Locale.ROOT, "model: standardise, then a %s ReLU MLP; cross-entropy, Adam (lr %s%s), "
                + "batches of %d", sizes, lr, decay, batch));
    }

    /** Prints about ten progress lines over the run, and the last epoch. */
    TrainingListener progress(int maxEpochs) {
        int every = Math.max(1, maxEpochs / 10);
        return new TrainingListener() {
            @Override
            public void onEpoch(EpochReport r) {
                if (r.epoch() == 1 || r.epoch() % every == 0) {
                    err.println(String.format(Locale.ROOT,
                            "epoch %4d/%d  loss %.4f  train %5.1f%%  validation loss %.4f  validation %5.1f%%",
                            r.epoch(), maxEpochs, r.loss(), 100 * r.accuracy(), r.validationLoss(),
                            100 * r.validationAccuracy()));
                    err.flush();
                }
            }
        };
    }

    void results(TrainingResult result, Layer model, Parts parts) {
        String why = switch (result.reason()) {
            case EARLY_STOPPED -> "the validation loss stopped improving";
            case NOT_FINITE -> "the loss became NaN or infinite (try a smaller --lr)";
            default -> "the epoch budget ran out";
        };
        line(String.format(Locale.ROOT, "stopped after %d epochs: %s; keeping the weights of epoch %d", result.epochs(),
                why, result.best().epoch()));
        double train = accuracy(model, parts.train());
        double validation = accuracy(model, parts.validation());
        int[] predicted = Metrics.argmax(model.predict(parts.test().features()));
        double test = Metrics.accuracy(parts.test().classes(), predicted);
        line(String.format(Locale.ROOT, "accuracy: train %.3f, validation %.3f, test %.3f", train, validation, test));
        line("confusion matrix (test rows; actual class down, predicted across):");
        ConfusionMatrix m = ConfusionMatrix.of(parts.test().classes(), predicted, parts.test().classNames());
        m.toString().lines().forEach(l -> line("  " + l));
    }

    void line(String s) {
        out.println(s);
        out.flush();
    }

    private static double accuracy(Layer model, Dataset d) {
        return Metrics.accuracy(d.classes(), model.predict(d.features()));
    }
}
