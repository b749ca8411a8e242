/**
 * Seeing a computation: {@link dev.tapegrad.autograd.debug.GraphExport} writes a tape as Graphviz DOT
 * with values and gradients, and {@link dev.tapegrad.autograd.debug.AnomalySearch} finds the op that
 * first made a NaN or an infinity, forward or backward (anomaly mode runs the same search live). They
 * read the tape through its public, read-only view.
 */
package dev.tapegrad.autograd.debug;
