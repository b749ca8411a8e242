package dev.tapegrad.autograd.kernel;

import java.lang.management.ManagementFactory;

/** What the running JVM's just-in-time compiler does, read once from its options. Internal. */
final class Jit {
    private Jit() {}

    private static final boolean OPTIMIZING = readOptimizing();
    private static final boolean HARDWARE_FMA = readBoolean("UseFMA", false);

    /**
     * Whether HotSpot's optimising compiler (C2) runs: not with {@code -Xint} nor with
     * {@code -XX:TieredStopAtLevel} below 4. The Vector API is fast only when C2 compiles it. On a JVM
     * that is not HotSpot, assumed true.
     */
    static boolean optimizing() {
        return OPTIMIZING;
    }

    /** Whether {@link Math#fma} compiles to one instruction ({@code -XX:+UseFMA}); false if unknown. */
    static boolean hardwareFma() {
        return HARDWARE_FMA;
    }

    private static boolean readOptimizing() {
        String level = option("TieredStopAtLevel");
        boolean c2 = level == null || !option("TieredCompilation", "true").equals("true") || Integer.parseInt(level) >= 4;
        return c2 && option("UseCompiler", "true").equals("true");
    }

    private static boolean readBoolean(String name, boolean unknown) {
        String v = option(name);
        return v == null ? unknown : Boolean.parseBoolean(v);
    }

    private static String option(String name, String unknown) {
        String v = option(name);
        return v == null ? unknown : v;
    }

    /** The VM option's value, or null if it cannot be read (not HotSpot, no management module). */
    private static String option(String name) {
        try {
            return ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption(name).getValue();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
