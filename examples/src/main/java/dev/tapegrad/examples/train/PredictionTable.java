package dev.tapegrad.examples.train;

import dev.tapegrad.examples.cli.Format;
import dev.tapegrad.examples.cli.TextTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

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
        List<String[]> laterWrong = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int target = e.targets()[i][0] >= 0.5 ? 1 : 0;
            int predicted = outputs[i] >= 0.5 ? 1 : 0;
            boolean ok = predicted == target;
            right += ok ? 1 : 0;
            String[] row = {e.inputLabels().get(i), Integer.toString(target),
                String.format(Format.NUMBERS, "%.4f", outputs[i]), Integer.toString(predicted), ok ? "" : "<- wrong"};
            if (n <= FULL_ROWS || i < HEAD_ROWS) {
                table.row(row);
            } else if (!ok) {
                laterWrong.add(row);
            }
        }
        if (n > FULL_ROWS) {
            int rest = n - HEAD_ROWS;
            if (laterWrong.isEmpty()) {
                table.note(String.format(Format.NUMBERS, "... and %d more rows, all predicted right", rest));
            } else {
                table.note(String.format(Format.NUMBERS, "... and %d more rows, %d of them wrong:", rest, laterWrong.size()));
                laterWrong.stream().limit(MAX_WRONG_ROWS).forEach(table::row);
                if (laterWrong.size() > MAX_WRONG_ROWS) {
                    table.note(String.format(Format.NUMBERS, "... and %d more wrong", laterWrong.size() - MAX_WRONG_ROWS));
                }
            }
        }
        table.print(out, "  ");
        return right;
    }
}
