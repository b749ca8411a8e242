/**
 * Internal hot loops: elementwise maps, broadcasting, reductions, matrix products. Not public API:
 * ops call these so that making them fast never changes what an op means.
 *
 * <p>Matrix products ({@link dev.tapegrad.autograd.kernel.Gemm}) use a packed Vector API kernel when
 * the JVM runs with {@code --add-modules jdk.incubator.vector}, and a register-blocked scalar kernel
 * otherwise; nothing else here needs the module, and the library loads without it.
 *
 * <p>Threads: large products and large elementwise maps split over the threads of the
 * {@link java.util.concurrent.ForkJoinPool} the caller runs in (the common pool plus the caller
 * outside any pool; see {@link dev.tapegrad.autograd.kernel.Parallel}). Every split is along output
 * elements, so no result depends on the thread count: not a single bit. What does differ in the last
 * bits is the kernel: a product summed by the Vector API kernel (fused multiply-adds, blocked along
 * k), by the scalar kernel (fused where the hardware has FMA) or by the plain loops used for tiny
 * products can differ by a few ulps, so a machine without the module may print slightly different
 * trailing digits.
 */
package dev.tapegrad.autograd.kernel;
