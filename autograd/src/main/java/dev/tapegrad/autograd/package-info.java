/**
 * Reverse-mode automatic differentiation on a tape: record a computation on
 * {@link dev.tapegrad.autograd.Scalar} and {@link dev.tapegrad.autograd.Tensor} values made by a
 * {@link dev.tapegrad.autograd.Tape}, call {@code backward()} on a scalar result, and read each
 * input's gradient from the returned {@link dev.tapegrad.autograd.Gradients}.
 *
 * <pre>{@code
 * Tape tape = new Tape();
 * Tensor w = tape.randn(new SplittableRandom(7), 4, 3);          // a variable: it gets a gradient
 * Tensor x = tape.constant(new double[][] {{1, 2}, {3, 4}, {5, 6}}); // a constant: it does not
 * Scalar loss = w.matmul(x).sigmoid().sum();
 * double[] dw = loss.backward().of(w);
 * }</pre>
 *
 * <p>Tensors broadcast as NumPy does, and an op whose result has shape {@code []} returns a
 * {@code Scalar}. One tape records one computation: make a new tape for every training step, so
 * nothing needs to be zeroed and nothing outlives the step. Values are {@code double} (PyTorch's
 * float64).
 *
 * <p>Your own ops: {@link dev.tapegrad.autograd.UnaryOp#of} makes an elementwise op from a function
 * and its derivative; anything else implements {@link dev.tapegrad.autograd.Op}. The built-in ops
 * live in {@code dev.tapegrad.autograd.ops}, one per file with its derivative beside it.
 *
 * <p>Checking and debugging: {@link dev.tapegrad.autograd.GradCheck} compares a function's gradients
 * with finite differences, {@link dev.tapegrad.autograd.OpCheck} every recorded op's backward with its
 * forward, {@code tape.detectAnomaly(true)} stops at the first op that makes a NaN or an infinity,
 * and {@link dev.tapegrad.autograd.GraphExport} writes a tape as Graphviz DOT.
 *
 * <p>No static mutable state and no global tape: every random draw takes a
 * {@link java.util.random.RandomGenerator} from the caller, so one seed gives the same bits on any
 * number of threads.
 */
package dev.tapegrad.autograd;
