/**
 * Gradient checks: {@link dev.tapegrad.autograd.check.GradCheck} compares a function's first and
 * second derivatives with central finite differences (PyTorch's {@code gradcheck} and
 * {@code gradgradcheck}), and {@link dev.tapegrad.autograd.check.OpCheck} checks every op recorded on
 * a tape on its own, naming the first whose derivative (or whose backward's derivative) is wrong.
 * They use the public API only.
 */
package dev.tapegrad.autograd.check;
