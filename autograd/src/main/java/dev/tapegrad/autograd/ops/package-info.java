/**
 * The built-in ops, one per file, each with its forward beside its derivative. Users normally call
 * them through {@link dev.tapegrad.autograd.Tensor} and {@link dev.tapegrad.autograd.Scalar} (such
 * as {@code x.sigmoid()}); the classes are public so that their formulas, derivatives and edge cases
 * (what they return at 0, for NaN or for infinities) are documented in one place.
 */
package dev.tapegrad.autograd.ops;
