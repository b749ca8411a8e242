/**
 * The engine, not API: the recording layout of a tape (a struct of arrays), the numeric reverse sweep,
 * the sweep that records gradients as nodes, and the table from the scalar fast path's op codes to
 * the op objects that define them. Its types are public only so that the handles in
 * {@code dev.tapegrad.autograd} can reach them; they may change in any release.
 */
package dev.tapegrad.autograd.internal;
