package dev.tapegrad.examples.train;

import dev.tapegrad.examples.cli.Format;
import java.io.PrintWriter;

/**
 * Shows training progress on a writer (the error stream, so that the summary on standard output stays
 * clean): a bar redrawn in place, or a plain line at each tenth of the run. Not thread-safe; one run.
 */
public final class Progress {
    private static final int BAR_WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final ProgressMode mode;
    private final PrintWriter err;
    private final int totalEpochs;
    private long lastDraw;
    private int nextTenth = 1;
    private boolean drewBar;
    private int lastBarLength;

    /**
     * Progress for a run of {@code totalEpochs}; {@link ProgressMode#auto} is resolved here by
     * {@code interactive} (whether a person is watching a terminal).
     */
    public Progress(ProgressMode mode, boolean interactive, PrintWriter err, int totalEpochs) {
        this.mode = mode == ProgressMode.auto ? (interactive ? ProgressMode.bar : ProgressMode.off) : mode;
        this.err = err;
        this.totalEpochs = totalEpochs;
    }

    /** Reports one finished epoch. */
    public void update(EpochStats e) {
        switch (mode) {
            case bar -> {
                long now = System.nanoTime();
                if (!drewBar || now - lastDraw >= REDRAW_NANOS || e.epoch() == totalEpochs) {
                    lastDraw = now;
                    drewBar = true;
                    String line = barLine(e);
                    // Blank out what is left of a longer previous line (the loss may lose a digit).
                    err.print("\r" + line + " ".repeat(Math.max(0, lastBarLength - line.length())));
                    lastBarLength = line.length();
                    err.flush();
                }
            }
            case lines -> {
                // Integer arithmetic so that the lines fall on the same epochs on every run.
                while (nextTenth <= 10 && (long) e.epoch() * 10 >= (long) nextTenth * totalEpochs) {
                    err.println(plainLine(e));
                    err.flush();
                    nextTenth++;
                }
            }
            default -> { }
        }
    }

    /** Ends the run's progress display (a bar gets its line break), also when training stopped early. */
    public void finish() {
        if (drewBar) {
            err.println();
            err.flush();
        }
    }

    private String barLine(EpochStats e) {
        int filled = (int) ((long) BAR_WIDTH * e.epoch() / totalEpochs);
        return String.format(Format.NUMBERS, "  training [%s%s] %s  loss %.5f  accuracy %5.1f%%",
                "#".repeat(filled), ".".repeat(BAR_WIDTH - filled), epochs(e), e.loss(), 100 * e.accuracy());
    }

    private String plainLine(EpochStats e) {
        return String.format(Format.NUMBERS, "  %s  loss %.5f  accuracy %5.1f%%  %.1f s",
                epochs(e), e.loss(), 100 * e.accuracy(), e.elapsedSeconds());
    }

    private String epochs(EpochStats e) {
        int digits = Integer.toString(totalEpochs).length();
        return String.format(Format.NUMBERS, "epoch %" + digits + "d/%d", e.epoch(), totalEpochs);
    }
}
