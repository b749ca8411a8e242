package dev.tapegrad.examples.train;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes a run's loss and accuracy curves as one PNG of exactly the requested size: the loss (log
 * scale) above, the accuracy with its target below, drawn with XChart off-screen. The file is written
 * to a temporary name and then moved into place, so a failure never leaves half a picture.
 */
public final class PlotWriter {
    /** At most this many points per curve; a long run is thinned evenly (the last epoch always kept). */
    private static final int MAX_POINTS = 2000;

    private PlotWriter() {}

    /** The smallest picture that still has room for both charts' axes and titles. */
    public static final int MIN_WIDTH = 200;
    /** See {@link #MIN_WIDTH}. */
    public static final int MIN_HEIGHT = 200;
    /** The largest width or height: 5000 x 5000 RGB pixels are 100 MB in memory while drawing. */
    public static final int MAX_SIDE = 5000;

    /**
     * Draws {@code history} into {@code file}, the charts titled "{@code title}: training loss" and
     * "{@code title}: training accuracy"; does not modify the history.
     */
    public static void write(History history, Path file, int width, int height, String title, double targetAccuracy)
            throws IOException {
        List<EpochStats> epochs = history.epochs();
        if (epochs.isEmpty()) {
            throw new IllegalArgumentException("plot: no epoch to draw");
        }
        int step = Math.max(1, (epochs.size() + MAX_POINTS - 1) / MAX_POINTS);
        List<EpochStats> shown = new ArrayList<>();
        for (int i = 0; i < epochs.size(); i += step) {
            shown.add(epochs.get(i));
        }
        if (shown.get(shown.size() - 1) != history.last()) {
            shown.add(history.last());
        }
        int n = shown.size();
        // One extra point, the last repeated half a step later: XChart puts a label on every few samples
        // when the x values are evenly spaced (knowm/XChart#731), crowding the axis; uneven spacing gives
        // round labels, and half a step is invisible.
        double[] x = new double[n + 1];
        double[] loss = new double[n + 1];
        double[] accuracy = new double[n + 1];
        double[] target = new double[n + 1];
        for (int i = 0; i < n; i++) {
            EpochStats e = shown.get(i);
            x[i] = e.epoch();
            // A log axis cannot show zero: the smallest normal double stands in for it. XChart refuses
            // infinities; NaN leaves a gap, which is what a diverged epoch should look like.
            loss[i] = Double.isFinite(e.loss()) ? Math.max(e.loss(), Double.MIN_NORMAL) : Double.NaN;
            accuracy[i] = 100 * e.accuracy();
            target[i] = 100 * targetAccuracy;
        }
        x[n] = x[n - 1] + 0.5 * step;
        loss[n] = loss[n - 1];
        accuracy[n] = accuracy[n - 1];
        target[n] = target[n - 1];

        int top = height / 2;
        XYChart lossChart = chart(width, top, title + ": training loss", "loss (log scale)");
        lossChart.getStyler().setYAxisLogarithmic(true);
        line(lossChart.addSeries("loss", x, loss), new Color(0x1f77b4));
        XYChart accChart = chart(width, height - top, title + ": training accuracy", "accuracy (%)");
        accChart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
        // The target first and dashed, so the accuracy line stays visible where it reaches the target.
        line(accChart.addSeries("target", x, target), Color.GRAY).setLineStyle(SeriesLines.DASH_DASH);
        line(accChart.addSeries("accuracy", x, accuracy), new Color(0xd62728));

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.drawImage(BitmapEncoder.getBufferedImage(lossChart), 0, 0, null);
            g.drawImage(BitmapEncoder.getBufferedImage(accChart), 0, top, null);
        } finally {
            g.dispose();
        }
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".tapegrad-plot", ".png.tmp");
        try {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("no PNG writer in this Java runtime");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static XYChart chart(int width, int height, String title, String yTitle) {
        XYChart c = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("epoch").yAxisTitle(yTitle).build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE)
                .setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBackgroundColor(Color.WHITE);
        c.getStyler().setPlotGridLinesColor(new Color(0xdddddd));
        c.getStyler().setXAxisMin(0.0).setXAxisDecimalPattern("#,##0");
        return c;
    }

    private static XYSeries line(XYSeries s, Color color) {
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        return s;
    }
}
