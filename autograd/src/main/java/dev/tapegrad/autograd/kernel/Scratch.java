package dev.tapegrad.autograd.kernel;

/**
 * Packing buffers kept per thread between matrix products. At the shapes networks use (a batch of
 * 128 against a few hundred units) a product takes a few hundred microseconds, and allocating its
 * packed copies of A and B afresh each time (zeroing up to a megabyte and pulling it through the
 * caches) costs a third of that; OpenBLAS keeps such buffers too. Internal.
 *
 * <p>This is the one piece of state the kernels keep between calls, and it cannot change a result:
 * a product writes every element of a packed block before the micro-kernel reads it, so what a
 * buffer held before never reaches C. A thread takes its buffer out while it packs into it and hands
 * it back afterwards, so a product that starts on the same thread in the meantime (a fork-join
 * worker stealing a task while it waits) packs into a buffer of its own. Buffers larger than
 * {@link #KEEP} doubles are not kept, so an idle thread holds at most two buffers of 8 MiB.
 */
final class Scratch {
    private Scratch() {}

    /** The largest buffer kept, in doubles (8 MiB). */
    static final int KEEP = 1 << 20;

    /** Two buffers per thread, for the packed A and the packed B of the product running there. */
    private static final ThreadLocal<double[][]> HELD = ThreadLocal.withInitial(() -> new double[2][]);

    /** Slot of the packed A. */
    static final int A = 0;
    /** Slot of the packed B. */
    static final int B = 1;

    /**
     * A buffer of at least {@code length} doubles, with unspecified contents, taken out of this
     * thread's {@code slot}; the caller gives it back with {@link #release} when done.
     */
    static double[] take(int slot, int length) {
        double[][] held = HELD.get();
        double[] buf = held[slot];
        if (buf == null || buf.length < length) {
            return new double[length];
        }
        held[slot] = null;
        return buf;
    }

    /** Hands {@code buf} back to this thread's {@code slot} (kept only if at most {@link #KEEP} long). */
    static void release(int slot, double[] buf) {
        if (buf.length > KEEP) {
            return;
        }
        double[][] held = HELD.get();
        if (held[slot] == null || held[slot].length < buf.length) {
            held[slot] = buf;
        }
    }
}
