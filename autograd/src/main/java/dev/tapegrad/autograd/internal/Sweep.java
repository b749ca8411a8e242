package dev.tapegrad.autograd.internal;

/**
 * What one numeric reverse sweep computed: the gradient of every scalar node, of every tensor node
 * (indexed by its entry; {@code null} where none arrived), and which nodes the output depends on.
 * The arrays belong to the sweep's result and are never written after it returns.
 *
 * @param scalar gradients indexed by node id (every node has a slot; only 0-d nodes' are meaningful)
 * @param tensor gradients of tensor nodes indexed by entry
 * @param reached whether the sweep reached each node id
 */
public record Sweep(double[] scalar, double[][] tensor, boolean[] reached) {}
