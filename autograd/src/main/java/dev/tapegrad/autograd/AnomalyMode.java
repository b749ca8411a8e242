package dev.tapegrad.autograd;

import dev.tapegrad.autograd.debug.AnomalySearch;
import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The state of a tape in anomaly mode: where each node was recorded, and the checks run as each node
 * is recorded and after each backward. A tape holds one only while anomaly mode is on, so the normal
 * path pays a single null check per node. Capturing a stack per node is slow; that is the price of
 * the mode, as in PyTorch's {@code detect_anomaly}.
 */
final class AnomalyMode implements IntConsumer {
    /** Frames kept per node: the recording line and a few callers (a layer, then the user's code). */
    private static final int FRAMES = 4;

    private static final StackWalker WALKER = StackWalker.getInstance();

    private final Tape tape;
    private String[] sites = new String[64];

    AnomalyMode(Tape tape) {
        this.tape = tape;
    }

    /** Remembers where node {@code i} was recorded, then throws if its value is not finite. */
    @Override
    public void accept(int i) {
        if (i >= sites.length) {
            sites = Arrays.copyOf(sites, Math.max(i + 1, sites.length * 2));
        }
        sites[i] = captureSite();
        Optional<Anomaly> a = AnomalySearch.forwardAt(tape, i);
        if (a.isPresent()) {
            throw new AnomalyException(a.get());
        }
    }

    /** Throws if the backward that produced {@code grads} from {@code root} made a NaN or infinity. */
    void checkBackward(Gradients grads, int root) {
        Optional<Anomaly> a = AnomalySearch.backwardFrom(grads, root);
        if (a.isPresent()) {
            throw new AnomalyException(a.get());
        }
    }

    /** Where node {@code i} was recorded, or empty if it was recorded while the mode was off. */
    String site(int i) {
        return i < sites.length && sites[i] != null ? sites[i] : "";
    }

    private static String captureSite() {
        List<StackWalker.StackFrame> frames = WALKER.walk(s -> s
                .dropWhile(f -> isLibrary(f.getClassName()))
                .limit(FRAMES)
                .collect(Collectors.toList()));
        return frames.stream()
                .map(f -> f.toStackTraceElement().toString())
                .collect(Collectors.joining(", called from "));
    }

    /**
     * Whether a frame belongs to the autograd library itself (or the JDK under it). Packages are
     * matched exactly, so user code in a subpackage such as {@code dev.tapegrad.autograd.diag} counts
     * as user code.
     */
    static boolean isLibrary(String className) {
        int dot = className.lastIndexOf('.');
        String pkg = dot < 0 ? "" : className.substring(0, dot);
        return pkg.equals("dev.tapegrad.autograd")
                || pkg.equals("dev.tapegrad.autograd.ops")
                || pkg.equals("dev.tapegrad.autograd.kernel")
                || pkg.equals("dev.tapegrad.autograd.internal")
                || pkg.startsWith("java.")
                || pkg.startsWith("jdk.")
                || pkg.startsWith("sun.");
    }
}
