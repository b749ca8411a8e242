package dev.tapegrad.autograd.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data-cache sizes of this machine, as Linux reports them in
 * {@code /sys/devices/system/cpu/cpu0/cache/index*}{@code /{level,type,size}}, read once when the class
 * loads. Where they cannot be read (another OS, a container hiding sysfs, a strange value) the
 * fallbacks are sizes that every current x86 and ARM core has at least: 32 KiB of L1d and 256 KiB of
 * L2, and no L3 assumed. The blocked kernels derive their block sizes from these. Internal.
 */
final class Caches {
    private Caches() {}

    /** L1 data cache of one core, bytes. */
    static final int L1D = read(1, 32 * 1024);
    /** L2 cache of one core, bytes. */
    static final int L2 = read(2, 256 * 1024);
    /** Last-level cache if it is an L3 (shared), bytes; 0 if none is reported. */
    static final int L3 = read(3, 0);

    /** The data or unified cache of {@code level}, or {@code fallback} bytes if none is reported. */
    private static int read(int level, int fallback) {
        for (int i = 0; i < 8; i++) {
            Path index = Path.of("/sys/devices/system/cpu/cpu0/cache", "index" + i);
            String lv = text(index.resolve("level"));
            if (lv == null) {
                continue;
            }
            String type = text(index.resolve("type"));
            if (!lv.equals(Integer.toString(level)) || !("Data".equals(type) || "Unified".equals(type))) {
                continue;
            }
            long bytes = parseSize(text(index.resolve("size")));
            // A value outside any real cache is a reporting error: keep the fallback.
            if (bytes >= 4096 && bytes <= (1L << 30)) {
                return (int) bytes;
            }
        }
        return fallback;
    }

    /** {@code "48K"}, {@code "2048K"}, {@code "1M"} or plain bytes; -1 if not a size. */
    static long parseSize(String s) {
        if (s == null || s.isEmpty()) {
            return -1;
        }
        long unit = 1;
        char last = Character.toUpperCase(s.charAt(s.length() - 1));
        if (last == 'K' || last == 'M' || last == 'G') {
            unit = last == 'K' ? 1024 : last == 'M' ? 1024 * 1024 : 1024 * 1024 * 1024;
            s = s.substring(0, s.length() - 1);
        }
        try {
            return Long.parseLong(s) * unit;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String text(Path p) {
        try {
            return Files.readString(p, StandardCharsets.US_ASCII).trim();
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return null;
        }
    }
}
