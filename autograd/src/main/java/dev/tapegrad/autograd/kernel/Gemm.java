package dev.tapegrad.autograd.kernel;

/**
 * Dense matrix products on row-major arrays with offsets. {@code C[m x n] += op(A) op(B)}, where
 * {@code op(A)} is {@code A [m x k]} or, transposed, {@code A} stored as {@code [k x m]}; or, into a new
 * C, {@code C = row + op(A) op(B)} ({@link #multiply}), which starts each sum from the row (a layer's
 * bias, or zeros) instead of loading C: a product into a fresh array then reads nothing of it. Internal.
 *
 * <p>Three kernels, chosen by size and platform:
 * <ul>
 *   <li>tiny products ({@code m n k < }{@link #SMALL}) run plain loops on the calling thread, since
 *       packing costs more than it saves there;
 *   <li>with the {@code jdk.incubator.vector} module present (run with
 *       {@code --add-modules jdk.incubator.vector}), a packed, register-blocked kernel on the Vector API
 *       with fused multiply-adds ({@code VectorGemm});
 *   <li>without it, a blocked scalar kernel that HotSpot auto-vectorises ({@code ScalarGemm}).
 * </ul>
 * Products of at least {@link #PARALLEL} multiply-adds are split by rows or columns of C over the
 * threads {@link Parallel#threads()} allows, where their time outweighs handing work to another thread
 * ({@link Parallel#threadsFor(double)}); the overload with a thread count splits from {@link #PARALLEL} on. The split never changes how one element is summed, so a
 * product gives the same bits on any number of threads; the three kernels sum in different orders
 * (fused or not, blocked along k or not), so results may differ in the last bits between a machine with
 * the module and one without, and between a tiny and a large product.
 */
public final class Gemm {
    private Gemm() {}

    /** Below this many multiply-adds, plain loops. */
    static final long SMALL = 4096;
    /** From this many multiply-adds on, the product may be split over threads. */
    static final long PARALLEL = 1L << 20;

    /**
     * Read on the first product past the plain loops, not when this class loads: deciding loads the
     * Vector API's classes and the JVM's management beans, tens of milliseconds that a program making
     * only tiny products (a small network's training) never needs.
     */
    private static final class Dispatch {
        static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                && Jit.optimizing() && VectorGemm.L >= 2;
        /** The height of the blocked kernel's register tile. */
        static final int TILE_ROWS = VECTOR ? VectorGemm.MR : ScalarGemm.MR;
        /**
         * The one-thread rate assumed when deciding a split, at the fast end (the vector kernel ran 30
         * to 40 multiply-adds per ns on an Intel Xeon, 54 on an AMD Zen 5; the scalar one about 4), so
         * that a product's time is not overestimated where the kernel is slow.
         */
        static final double MULTIPLY_ADDS_PER_NANO = VECTOR ? 32 : 4;
    }

    /**
     * Whether products use the Vector API kernel: the {@code jdk.incubator.vector} module is present,
     * the JVM compiles with its optimising compiler (without it, Vector API code runs as slow Java
     * objects, far slower than the scalar kernel), and the hardware has vectors of two doubles or more.
     */
    public static boolean vectorized() {
        return Dispatch.VECTOR;
    }

    /**
     * {@code C += op(A) * op(B)}; does not modify {@code a} or {@code b}.
     *
     * @param transA whether A is stored as {@code [k x m]}
     * @param transB whether B is stored as {@code [n x k]}
     */
    public static void multiplyAdd(boolean transA, boolean transB, int m, int n, int k,
                                   double[] a, int aOff, double[] b, int bOff, double[] c, int cOff) {
        // The thread count costs a native call: only products big enough to split ask for it.
        long work = (long) m * n * k;
        int threads = work >= PARALLEL ? Parallel.threadsFor(oneThreadNanos(work)) : 1;
        multiplyAdd(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, threads);
    }

    /** As {@link #multiplyAdd(boolean, boolean, int, int, int, double[], int, double[], int, double[], int)} on at most {@code threads} threads. */
    public static void multiplyAdd(boolean transA, boolean transB, int m, int n, int k,
                                   double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int threads) {
        product(transA, transB, m, n, k, a, aOff, b, bOff, null, false, c, cOff, threads);
    }

    /**
     * {@code C = row + op(A) * op(B)}, with {@code row[j]} added to column j of every row of C, or
     * {@code C = op(A) * op(B)} where {@code row} is null: for a C that is a new array, which the product
     * then never reads. The same bits as filling C with the row (or zeros) and calling {@code multiplyAdd}.
     * Does not modify {@code a}, {@code b} or {@code row}.
     *
     * @throws IllegalArgumentException if {@code row} is not null and does not have {@code n} values
     */
    public static void multiply(boolean transA, boolean transB, int m, int n, int k,
                                double[] a, int aOff, double[] b, int bOff, double[] row, double[] c, int cOff) {
        long work = (long) m * n * k;
        int threads = work >= PARALLEL ? Parallel.threadsFor(oneThreadNanos(work)) : 1;
        multiply(transA, transB, m, n, k, a, aOff, b, bOff, row, c, cOff, threads);
    }

    /** As {@link #multiply(boolean, boolean, int, int, int, double[], int, double[], int, double[], double[], int)} on at most {@code threads} threads. */
    public static void multiply(boolean transA, boolean transB, int m, int n, int k,
                                double[] a, int aOff, double[] b, int bOff, double[] row, double[] c, int cOff, int threads) {
        product(transA, transB, m, n, k, a, aOff, b, bOff, row, true, c, cOff, threads);
    }

    /** {@code multiplyAdd} or, when {@code overwrite}, {@code multiply} (with {@code row} or zeros). */
    private static void product(boolean transA, boolean transB, int m, int n, int k,
                                double[] a, int aOff, double[] b, int bOff, double[] row, boolean overwrite,
                                double[] c, int cOff, int threads) {
        // Plain ifs, not checkArgument: its varargs would box the sizes on every (small) product.
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException(String.format("gemm: negative size m=%s n=%s k=%s", m, n, k));
        }
        checkRange("A", a, aOff, (long) m * k);
        checkRange("B", b, bOff, (long) k * n);
        checkRange("C", c, cOff, (long) m * n);
        if (row != null && row.length != n) {
            throw new IllegalArgumentException(String.format(
                    "gemm: the row added to C needs n=%s values, one per column, but has %s", n, row.length));
        }
        long work = (long) m * n * k;
        if (work >= SMALL) {
            // Out of line, so that this method stays small enough to inline into a small product's caller.
            packed(transA, transB, m, n, k, a, aOff, b, bOff, overwrite ? (row != null ? row : new double[n]) : null,
                    c, cOff, threads, work);
            return;
        }
        if (overwrite) {
            // The plain loops start from C: at these sizes one pass to fill it costs next to nothing.
            fillRows(m, n, row, c, cOff);
        }
        if (work > 0) {
            PlainGemm.gemm(transA, transB, m, n, k, a, aOff, transA ? m : k, b, bOff, transB ? k : n, c, cOff, n);
        }
    }

    /** A product past the plain loops, on the blocked kernel, starting from {@code start} where it is not null. */
    private static void packed(boolean transA, boolean transB, int m, int n, int k, double[] a, int aOff,
                               double[] b, int bOff, double[] start, double[] c, int cOff, int threads, long work) {
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        if (threads <= 1 || work < PARALLEL) {
            blocked(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, n, start, 0);
            return;
        }
        double nanos = oneThreadNanos(work);
        if (m >= n) {
            // Rows split at multiples of the register tile's height, so that no thread's share ends in
            // a partial tile. Where the split falls changes no bit.
            Parallel.forRange(m, Dispatch.TILE_ROWS, threads, nanos, (from, to) -> blocked(transA, transB, to - from, n, k,
                    a, aOff + from * (transA ? 1 : lda), lda, b, bOff, ldb, c, cOff + from * n, n, start, 0));
        } else {
            Parallel.forRange(n, 32, threads, nanos, (from, to) -> blocked(transA, transB, m, to - from, k,
                    a, aOff, lda, b, bOff + from * (transB ? ldb : 1), ldb, c, cOff + from, n, start, from));
        }
    }

    /** {@code C}'s m rows of n from {@code cOff} set to {@code row}, or to zeros where it is null. */
    private static void fillRows(int m, int n, double[] row, double[] c, int cOff) {
        if (row == null) {
            java.util.Arrays.fill(c, cOff, cOff + m * n, 0.0);
            return;
        }
        for (int i = 0; i < m; i++) {
            System.arraycopy(row, 0, c, cOff + i * n, n);
        }
    }

    /** What {@code work} multiply-adds are assumed to take on one thread, in nanoseconds. */
    private static double oneThreadNanos(long work) {
        return work / Dispatch.MULTIPLY_ADDS_PER_NANO;
    }

    private static void blocked(boolean transA, boolean transB, int m, int n, int k,
                                double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                                double[] c, int cOff, int ldc, double[] row, int rowOff) {
        if (Dispatch.VECTOR) {
            VectorGemm.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, row, rowOff);
        } else {
            ScalarGemm.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, row, rowOff);
        }
    }

    private static void checkRange(String name, double[] x, int off, long count) {
        if (x == null) {
            throw new IllegalArgumentException("gemm: " + name + " is null");
        }
        if (off < 0 || off + count > x.length) {
            throw new IllegalArgumentException(String.format(
                    "gemm: %s needs %s values from offset %s but has length %s", name, count, off, x.length));
        }
    }
}
