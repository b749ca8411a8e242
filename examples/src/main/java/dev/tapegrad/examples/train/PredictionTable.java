package dev.tapegrad.examples.train;

import dev.tapegrad.examples.cli.TextTable;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The table of inputs, targets, the network's outputs and its predictions (output at least 0.5 means 1,
 * as the trainer counts accuracy). A long table shows its first rows and then only the wrong ones.
 */
final class PredictionTable {
    /** Up to this many rows the table is printed in full. */
    static final int FULL_ROWS = 32;
    private static final int HEAD_ROWS = 16;
    private static final int MAX_WRONG_ROWS = 16;

    private PredictionTable() {}

    /** Prints the table and returns how many samples are predicted right. */
    static int print(PrintWriter out, Experiment e, double[] outputs) {
        int n = e.targets().length;
        TextTable table = new TextTable(e.inputHeader(), ">target", ">output", ">predicted", "");
        int right = 0;
        int wrongShown = 0;
        int wrongHidden = 0;
        for (int i = 0; i < n; i++) {
            int target = e.targets()[i][0] >= 0.5 ? 1 : 0;
            int predicted = outputs[i] >= 0.5 ? 1 : 0;
            boolean ok = predicted == target;
            right += ok ? 1 : 0;
            boolean show = n <= FULL_ROWS || i < HEAD_ROWS || (!ok && wrongShown < MAX_WRONG_ROWS);
            if (n > FULL_ROWS && i == HEAD_ROWS) {
                table.note("... (from here on only wrong predictions are listed)");
            }
            if (show) {
                wrongShown += !ok && i >= HEAD_ROWS ? 1 : 0;
                table.row(e.inputLabels().get(i), Integer.toString(target),
                        String.format(Locale.ROOT, "%.4f", outputs[i]), Integer.toString(predicted), ok ? "" : "<- wrong");
            } else if (!ok) {
                wrongHidden++;
            }
        }
        if (n > FULL_ROWS) {
            table.note(String.format(Locale.ROOT, "(%d of %d rows shown%s)", HEAD_ROWS + wrongShown, n,
                    wrongHidden > 0 ? ", " + wrongHidden + " more wrong" : ""));
        }
        table.print(out, "  ");
        return right;
    }
}
