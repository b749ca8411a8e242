package dev.tapegrad.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bench's timing: the kernel's share of the measuring thread's time, and the warning it raises. */
class MeasureTest {
    @Test
    void kernelShareIsKernelTimeOverCpuTime() {
        long second = 1_000_000_000L;
        assertEquals(0.75, Measure.kernelShare(4 * second, second, true), 1e-12);
        assertEquals(0.0, Measure.kernelShare(4 * second, 4 * second, true), 1e-12);
        // User time comes in clock ticks and may round above the CPU time: never a negative share.
        assertEquals(0.0, Measure.kernelShare(4 * second, 4 * second + 10_000_000L, true), 1e-12);
        assertTrue(Double.isNaN(Measure.kernelShare(4 * second, second, false)));
        // Too short a window for 10 ms ticks: no share rather than a false one.
        assertTrue(Double.isNaN(Measure.kernelShare(Measure.SHARE_MIN_NANOS - 1, 0, true)));
        assertTrue(Double.isNaN(Measure.kernelShare(0, 0, true)));
    }

    @Test
    void onlyALargeKernelShareWarns() {
        Optional<String> warning = new Measure.Timing(1e-6, 0.93).warning("seed-step");
        assertTrue(warning.isPresent() && warning.get().contains("seed-step") && warning.get().contains("93%")
                && warning.get().contains("-Xms"), String.valueOf(warning));
        assertEquals(Optional.empty(), new Measure.Timing(1e-6, 0.3).warning("seed-step"));
        assertEquals(Optional.empty(), new Measure.Timing(1e-6, Double.NaN).warning("seed-step"));
    }

    @Test
    void arithmeticSpendsLittleTimeInTheKernel() {
        assumeTrue(ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported());
        Measure.Timing t = Measure.medianSeconds(Measure::cpu, MeasureTest::arithmetic, 0.2, 5, 0.15);
        assertTrue(t.seconds() > 0, String.valueOf(t));
        // Ticks of 10 ms in samples of 0.15 s: far below a half unless the share is computed wrongly.
        assertTrue(Double.isNaN(t.kernelShare()) || t.kernelShare() < 0.5, String.valueOf(t));
    }

    @Test
    void readingProcFilesSpendsMostTimeInTheKernel() {
        Path stat = Path.of("/proc/self/stat");
        assumeTrue(Files.isReadable(stat) && ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported());
        Measure.Timing t = Measure.medianSeconds(Measure::cpu, () -> read(stat), 0.2, 5, 0.15);
        assumeTrue(!Double.isNaN(t.kernelShare()), "this JVM does not report user time: " + t);
        // The kernel writes the file's text on every read: measured at 0.5 to 0.7 of the CPU time.
        assertTrue(t.kernelShare() > 0.3, String.valueOf(t));
    }

    private static double arithmetic() {
        double s = 0;
        for (int i = 1; i < 10_000; i++) {
            s += 1.0 / i;
        }
        return s;
    }

    private static double read(Path p) {
        try {
            return Files.readAllBytes(p).length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
