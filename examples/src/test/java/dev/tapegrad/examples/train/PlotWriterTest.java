package dev.tapegrad.examples.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plot survives what a diverged or very long run records. */
class PlotWriterTest {
    @TempDir
    Path dir;

    @Test
    void aDivergedRunWithNanAndInfiniteLossStillPlots() throws Exception {
        History h = new History();
        h.add(new EpochStats(1, 0.7, 0.5, 0.1));
        h.add(new EpochStats(2, Double.POSITIVE_INFINITY, 0.5, 0.2));
        h.add(new EpochStats(3, Double.NaN, 0.5, 0.3));
        Path png = dir.resolve("nan.png");
        PlotWriter.write(h, png, 300, 240, "t", 1.0);
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image);
        assertEquals(300, image.getWidth());
        assertEquals(240, image.getHeight());
    }

    @Test
    void aRunWhoseOnlyEpochDivergedStillPlots() throws Exception {
        History h = new History();
        h.add(new EpochStats(1, Double.NaN, 0.25, 0.1));
        Path png = dir.resolve("only-nan.png");
        PlotWriter.write(h, png, 300, 240, "t", 1.0);
        assertEquals(240, ImageIO.read(png.toFile()).getHeight());
    }

    @Test
    void aLongRunIsThinnedAndStillPlots() throws Exception {
        History h = new History();
        for (int e = 1; e <= 50_000; e++) {
            h.add(new EpochStats(e, 1.0 / e, Math.min(1, e / 1000.0), e * 1e-4));
        }
        Path png = dir.resolve("long.png");
        PlotWriter.write(h, png, 400, 300, "t", 1.0);
        assertEquals(400, ImageIO.read(png.toFile()).getWidth());
    }

    @Test
    void anEmptyHistoryIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> PlotWriter.write(new History(), dir.resolve("x.png"), 300, 300, "t", 1.0));
    }
}
