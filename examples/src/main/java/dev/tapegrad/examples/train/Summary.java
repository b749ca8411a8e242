package dev.tapegrad.examples.train;

import dev.tapegrad.examples.cli.Format;
import dev.tapegrad.nn.TrainingResult;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.OptionalInt;

/** The lines after the prediction table: accuracy, when the target was reached, final loss, wall time. */
final class Summary {
    private Summary() {}

    static void print(PrintWriter out, Experiment e, History history, TrainingResult result, int right) {
        int n = e.targets().length;
        String target = percent(e.targetAccuracy());
        out.println();
        out.printf(Format.NUMBERS, "  accuracy      %d/%d (%s), target %s%n", right, n, percent((double) right / n), target);
        OptionalInt reached = history.firstEpochReaching(e.targetAccuracy());
        if (reached.isPresent()) {
            out.printf(Format.NUMBERS, "  reached %-5s at epoch %d%n", target, reached.getAsInt());
        } else {
            EpochStats best = history.epochs().stream()
                    .max(Comparator.comparingDouble(EpochStats::accuracy)).orElseThrow();
            out.printf(Format.NUMBERS, "  reached %-5s never (best %s, first at epoch %d)%n", target,
                    percent(best.accuracy()), history.firstEpochReaching(best.accuracy()).orElseThrow());
        }
        out.printf(Format.NUMBERS, "  final loss    %.6f (%s)%n", history.last().loss(), e.lossName());
        long steps = result.last().steps();
        out.printf(Format.NUMBERS, "  wall time     %.2f s (%d epochs, %d steps)%n",
                history.last().elapsedSeconds(), result.epochs(), steps);
    }

    /** What to try after a missed target. */
    static void printHint(PrintWriter out, TrainingResult result) {
        out.println();
        if (result.reason() == TrainingResult.StopReason.NOT_FINITE) {
            out.println("  Training stopped: the loss became NaN or infinite. The learning rate is probably too");
            out.println("  large; try a smaller --lr.");
        } else {
            out.printf(Format.NUMBERS, "  Missed the target in %d epochs. Try more epochs (--epochs), another learning rate%n",
                    result.epochs());
            out.println("  (--lr), a wider hidden layer (--hidden) or another seed (--seed).");
        }
    }

    static String percent(double fraction) {
        double p = 100 * fraction;
        return p == Math.rint(p) ? String.format(Format.NUMBERS, "%.0f%%", p) : String.format(Format.NUMBERS, "%.1f%%", p);
    }
}
