package dev.tapegrad.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --plot writes a real PNG of the requested size, with something drawn on it. */
class PlotTest {
    @TempDir
    Path dir;

    @Test
    void writesAPngOfTheRequestedSize() throws Exception {
        Path png = dir.resolve("xor.png");
        Run r = Run.of("xor", "--epochs", "300", "--plot", png.toString(), "--plot-size", "640x420");
        assertTrue(r.exitCode() == 0 || r.exitCode() == 1, r.err());
        assertTrue(r.out().contains("plot written to " + png), r.out());
        byte[] bytes = Files.readAllBytes(png);
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        assertArrayEquals(magic, Arrays.copyOf(bytes, 8));
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "ImageIO could not read the file");
        assertEquals(640, image.getWidth());
        assertEquals(420, image.getHeight());
        assertTrue(colours(image) > 10, "the picture is (nearly) blank");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file may be left behind");
        }
    }

    @Test
    void defaultSizeIs800By600AndAnExistingFileIsReplaced() throws Exception {
        Path png = dir.resolve("parity.png");
        Files.writeString(png, "old");
        Run r = Run.of("parity", "--hidden", "1", "--epochs", "50", "--plot", png.toString());
        assertEquals(1, r.exitCode(), r.err());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(600, image.getHeight());
    }

    private static long colours(BufferedImage image) {
        return java.util.stream.IntStream.range(0, image.getWidth() * image.getHeight())
                .map(i -> image.getRGB(i % image.getWidth(), i / image.getWidth())).distinct().count();
    }
}
