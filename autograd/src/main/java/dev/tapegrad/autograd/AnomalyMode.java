package dev.tapegrad.autograd;

import dev.tapegrad.autograd.debug.AnomalySearch;
import dev.tapegrad.autograd.internal.Recording;
import dev.tapegrad.autograd.kernel.Parallel;
import dev.tapegrad.autograd.ops.Identity;
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
        Optional<Anomaly> a = tape.node(i).isLeaf() && !tape.node(i).requiresGrad() ? nanConstant(tape, i)
                : AnomalySearch.forwardAt(tape, i);
        if (a.isPresent()) {
            throw new AnomalyException(a.get());
        }
    }

    /**
     * A constant holding NaN: data with a missing or broken value, named where it enters the tape rather
     * than at the first op (or loss) that passes it on. An infinity in a constant is allowed: a mask.
     */
    private Optional<Anomaly> nanConstant(Tape tape, int i) {
        double[] y = tape.rec.valuesOf(i);
        for (int k = 0; k < y.length; k++) {
            if (Double.isNaN(y[k])) {
                Shape s = tape.rec.shapeOf(i);
                int[] at = s.isScalar() ? new int[0] : s.unravel(k);
                String where = at.length == 2 ? String.format(" at row %d, column %d", at[0], at[1])
                        : at.length == 0 ? "" : " at " + Arrays.toString(at);
                return Optional.of(new Anomaly(Anomaly.Phase.FORWARD, i, "constant", List.of(), site(i), String.format(
                        "a constant of shape %s holding NaN%s was put on the tape: the data fed in contains NaN; "
                                + "clean or drop those values before training", s, where)));
            }
        }
        return Optional.empty();
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
        // The library's own packages are taken from their classes, so that a move cannot leave one out.
        return pkg.equals(Tape.class.getPackageName())
                || pkg.equals(Identity.class.getPackageName())
                || pkg.equals(Parallel.class.getPackageName())
                || pkg.equals(Recording.class.getPackageName())
                || pkg.startsWith("java.")
                || pkg.startsWith("jdk.")
                || pkg.startsWith("sun.");
    }
}
