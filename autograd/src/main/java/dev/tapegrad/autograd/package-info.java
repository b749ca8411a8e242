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
 * <p>Derivatives of derivatives: {@link dev.tapegrad.autograd.Scalar#grad(Tensor)} and
 * {@link dev.tapegrad.autograd.Tensor#grad(Tensor, Tensor)} record a gradient as nodes, so it can be
 * differentiated again, to any order; {@link dev.tapegrad.autograd.Functional} has {@code grad},
 * {@code vjp}, {@code jvp}, {@code jacobian}, {@code hessian} and {@code hvp}, which nest.
 *
 * <p>Checking and debugging: {@link dev.tapegrad.autograd.check.GradCheck} compares a function's
 * first and second derivatives with finite differences, {@link dev.tapegrad.autograd.check.OpCheck}
 * every recorded op's backward with its forward (and its backward's derivative with its backward),
 * {@code tape.detectAnomaly(true)} stops at the first op that makes a NaN or an infinity,
 * {@link dev.tapegrad.autograd.debug.AnomalySearch} finds one afterwards, and
 * {@link dev.tapegrad.autograd.debug.GraphExport} writes a tape as Graphviz DOT. They read the tape
 * through {@link dev.tapegrad.autograd.Tape#node(int)}, a read-only view that other tools can use too.
 *
 * <p>No static mutable state and no global tape: every random draw takes a
 * {@link java.util.random.RandomGenerator} from the caller, so one seed gives the same bits on any
 * number of threads.
 */
package dev.tapegrad.autograd;

