package dev.tapegrad.autograd.kernel;

import java.util.ArrayDeque;

/**
 * Scratch arrays of one length shared by the pieces of one parallel kernel call: a piece takes one
 * and gives it back, so a call allocates about one per thread rather than one per piece. Lives only
 * as long as the call. Internal.
 */
final class Scratch {
    private final int length;
    private final ArrayDeque<double[]> free = new ArrayDeque<>();

    Scratch(int length) {
        this.length = length;
    }

    /** A free array (contents unspecified), or a new one. */
    synchronized double[] take() {
        double[] x = free.poll();
        return x != null ? x : new double[length];
    }

    /** Returns an array taken from this scratch. */
    synchronized void give(double[] x) {
        free.push(x);
    }
}
