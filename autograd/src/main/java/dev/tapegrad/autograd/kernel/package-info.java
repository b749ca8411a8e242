/**
 * Internal hot loops: elementwise maps, broadcasting, reductions, matrix products. Not public API:
 * ops call these so that making them fast never changes what an op means.
 */
package dev.tapegrad.autograd.kernel;
