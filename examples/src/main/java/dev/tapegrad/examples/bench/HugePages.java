package dev.tapegrad.examples.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether this JVM's heap can use transparent huge pages, and what to do when it does not. Large
 * products miss the TLB on their strided rows; huge pages cover a 1024 x 1024 matrix with four TLB
 * entries instead of 2,048, which on a virtual machine (where a miss costs a nested page walk) made
 * the 1024 product up to 15% faster in most runs. NumPy asks for them on its large arrays by
 * default, so a comparison with its BLAS is fair only with them on this side too.
 */
final class HugePages {
    private HugePages() {}

    private static final Path SETTING = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

    /**
     * The kernel's mode from the text of its setting, such as {@code always [madvise] never}: the
     * bracketed word, or empty if there is none.
     */
    static Optional<String> mode(String setting) {
        int open = setting.indexOf('[');
        int close = setting.indexOf(']', open + 1);
        return open >= 0 && close > open ? Optional.of(setting.substring(open + 1, close)) : Optional.empty();
    }

    /**
     * The advice for a kernel in {@code mode} and a JVM that does or does not ask for huge pages: only
     * {@code madvise} needs the flag ({@code always} gives them to every heap, {@code never} to none).
     */
    static Optional<String> advice(String mode, boolean jvmAsks) {
        if (!mode.equals("madvise") || jvmAsks) {
            return Optional.empty();
        }
        return Optional.of("note: this JVM does not use transparent huge pages, which the kernel offers on request"
                + " (madvise); large products run faster with java -XX:+UseTransparentHugePages");
    }

    /** The advice for this machine and JVM, or empty when there is none or the setting cannot be read. */
    static Optional<String> adviceHere() {
        try {
            Optional<String> mode = mode(Files.readString(SETTING));
            if (mode.isEmpty()) {
                return Optional.empty();
            }
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            boolean asks = hotspot != null
                    && Boolean.parseBoolean(hotspot.getVMOption("UseTransparentHugePages").getValue());
            return advice(mode.get(), asks);
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            return Optional.empty(); // not Linux, or not HotSpot: nothing to advise
        }
    }
}
