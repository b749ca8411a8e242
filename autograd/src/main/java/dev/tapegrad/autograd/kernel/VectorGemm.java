package dev.tapegrad.autograd.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The matrix product on the Vector API, GotoBLAS style: {@code C += op(A) op(B)} on strided row-major
 * views. For each block of {@link #KC} rows of {@code op(B)} and {@link #NC} columns, B is packed
 * into panels {@link #NR} columns wide; for each block of {@link #MC} rows of A, A is packed into
 * panels {@link #MR} rows tall; then an {@code MR x NR} tile of C is kept in vector registers while
 * the micro-kernel runs along k with fused multiply-adds. Ragged edges are packed with zeros, so
 * every element goes through the same micro-kernel: {@code c + fma-chain(block 0) + fma-chain(block
 * 1) + ...}, each chain in order of k from zero.
 *
 * <p>Only {@link Gemm} refers to this class, and only when the {@code jdk.incubator.vector} module
 * is present, so the library loads without it. The micro-kernels call nothing that takes or returns
 * a vector except the Vector API's own intrinsics, and stay within the JIT's inlining budget so
 * that every one of those compiles to a vector instruction. Internal.
 */
final class VectorGemm {
    private VectorGemm() {}

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** Doubles per vector. */
    static final int L = S.length();
    /**
     * Whether the register tile is 8 x 3L (vectors of eight doubles: AVX-512, whose 32 registers hold
     * the 24 accumulators, three rows of B and a broadcast) or 6 x 2L (narrower vectors: AVX2 has 16
     * registers, which 12 accumulators, two rows of B and a broadcast fit). On an Intel Xeon the 8 x 3L
     * tile ran the 1024 x 1024 product 11-17% faster than an 8 x 2L one; restricted to AVX2
     * ({@code -XX:UseAVX=2}), 6 x 2L ran 38 GFLOP/s where 8 x 2L, spilling its 16 accumulators, ran 27.
     */
    static final boolean WIDE = L >= 8;
    /** Rows of a register tile. */
    static final int MR = rows(WIDE);
    /** Columns of a register tile. */
    static final int NR = cols(WIDE);
    /** Block sizes from this machine's caches (see {@link Blocking}). */
    static final int KC = Blocking.kc(NR);
    static final int MC = Blocking.mc(MR, KC);
    static final int NC = Blocking.nc(NR, KC);

    /** As {@link ScalarGemm#gemm}. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                     double[] c, int cOff, int ldc) {
        gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, null, 0);
    }

    /** As {@link #gemm}, or {@code C = row + op(A) op(B)} where {@code row} is not null (see {@link Blocked#gemm}). */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                     double[] c, int cOff, int ldc, double[] row, int rowOff) {
        tiled(WIDE, KC, MC, NC, transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, row, rowOff);
    }

    /**
     * As {@link #gemm} on the 8 x 3L tile when {@code wide}, else on the 6 x 2L one, whatever this
     * machine would choose, so that tests reach both micro-kernels on any machine.
     */
    static void gemmWithTile(boolean wide, boolean transA, boolean transB, int m, int n, int k,
                             double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                             double[] c, int cOff, int ldc) {
        int kc = Blocking.kc(cols(wide));
        tiled(wide, kc, Blocking.mc(rows(wide), kc), Blocking.nc(cols(wide), kc),
                transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, null, 0);
    }

    private static int rows(boolean wide) {
        return wide ? 8 : 6;
    }

    private static int cols(boolean wide) {
        return (wide ? 3 : 2) * L;
    }

    private static void tiled(boolean wide, int kc, int mc, int nc, boolean transA, boolean transB, int m, int n, int k,
                              double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                              double[] c, int cOff, int ldc, double[] row, int rowOff) {
        Blocked.gemm(rows(wide), cols(wide), kc, mc, nc, wide ? VectorGemm::micro8x3 : VectorGemm::micro6x2,
                VectorPack.INSTANCE, transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, row, rowOff);
    }

    /**
     * One whole 6 x 2L tile (see {@link Blocked.Micro}). The tile lives in twelve local vectors,
     * written out by hand: an array of vectors would not stay in registers. Its loop and its last
     * step are those of {@link #micro8x3}, for the reasons given there.
     */
    private static void micro6x2(int kc, double[] ap, int ai, double[] bp, int bi, double[] in, int inIdx, int ldIn,
                                 double[] c, int cIdx, int ldc) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector c00 = zero;
        DoubleVector c01 = zero;
        DoubleVector c10 = zero;
        DoubleVector c11 = zero;
        DoubleVector c20 = zero;
        DoubleVector c21 = zero;
        DoubleVector c30 = zero;
        DoubleVector c31 = zero;
        DoubleVector c40 = zero;
        DoubleVector c41 = zero;
        DoubleVector c50 = zero;
        DoubleVector c51 = zero;
        DoubleVector av;
        int end = bi + kc * (2 * L);
        for (int bo = bi, ao = ai; bo < end; bo += 2 * L, ao += 6) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bo);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, bo + L);
            av = DoubleVector.broadcast(S, ap[ao]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = DoubleVector.broadcast(S, ap[ao + 1]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = DoubleVector.broadcast(S, ap[ao + 2]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = DoubleVector.broadcast(S, ap[ao + 3]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
            av = DoubleVector.broadcast(S, ap[ao + 4]);
            c40 = av.fma(b0, c40);
            c41 = av.fma(b1, c41);
            av = DoubleVector.broadcast(S, ap[ao + 5]);
            c50 = av.fma(b0, c50);
            c51 = av.fma(b1, c51);
        }
        int r0 = cIdx;
        int i0 = inIdx;
        c00.fma(one, DoubleVector.fromArray(S, in, i0)).intoArray(c, r0);
        c01.fma(one, DoubleVector.fromArray(S, in, i0 + L)).intoArray(c, r0 + L);
        int r1 = cIdx + ldc;
        int i1 = inIdx + ldIn;
        c10.fma(one, DoubleVector.fromArray(S, in, i1)).intoArray(c, r1);
        c11.fma(one, DoubleVector.fromArray(S, in, i1 + L)).intoArray(c, r1 + L);
        int r2 = cIdx + 2 * ldc;
        int i2 = inIdx + 2 * ldIn;
        c20.fma(one, DoubleVector.fromArray(S, in, i2)).intoArray(c, r2);
        c21.fma(one, DoubleVector.fromArray(S, in, i2 + L)).intoArray(c, r2 + L);
        int r3 = cIdx + 3 * ldc;
        int i3 = inIdx + 3 * ldIn;
        c30.fma(one, DoubleVector.fromArray(S, in, i3)).intoArray(c, r3);
        c31.fma(one, DoubleVector.fromArray(S, in, i3 + L)).intoArray(c, r3 + L);
        int r4 = cIdx + 4 * ldc;
        int i4 = inIdx + 4 * ldIn;
        c40.fma(one, DoubleVector.fromArray(S, in, i4)).intoArray(c, r4);
        c41.fma(one, DoubleVector.fromArray(S, in, i4 + L)).intoArray(c, r4 + L);
        int r5 = cIdx + 5 * ldc;
        int i5 = inIdx + 5 * ldIn;
        c50.fma(one, DoubleVector.fromArray(S, in, i5)).intoArray(c, r5);
        c51.fma(one, DoubleVector.fromArray(S, in, i5 + L)).intoArray(c, r5 + L);
    }

    /**
     * One whole 8 x 3L tile (see {@link Blocked.Micro}), in 24 local vectors: three loads of B and
     * eight broadcasts per step. The tile goes into C as {@code fma(acc, 1, in)} (the input {@code in} is C, or
     * the row a product starts from), which rounds once and so is {@code acc + in} bit for bit: past HotSpot 17's inlining budget, the 24 calls of {@code add} this
     * method once made were inlined late without their constant operator, and in most runs 8 to 14 of
     * the C stores behind them compiled as calls into the Vector API's Java fallback (PrintIntrinsics:
     * "missing constant"); {@code fma} is already inlined by the loop. Loading C before the loop
     * instead avoided that too, but cost 10% on Temurin 25, where every chain then waited for C.
     */
    private static void micro8x3(int kc, double[] ap, int ai, double[] bp, int bi, double[] in, int inIdx, int ldIn,
                                 double[] c, int cIdx, int ldc) {
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector c00 = zero;
        DoubleVector c01 = zero;
        DoubleVector c02 = zero;
        DoubleVector c10 = zero;
        DoubleVector c11 = zero;
        DoubleVector c12 = zero;
        DoubleVector c20 = zero;
        DoubleVector c21 = zero;
        DoubleVector c22 = zero;
        DoubleVector c30 = zero;
        DoubleVector c31 = zero;
        DoubleVector c32 = zero;
        DoubleVector c40 = zero;
        DoubleVector c41 = zero;
        DoubleVector c42 = zero;
        DoubleVector c50 = zero;
        DoubleVector c51 = zero;
        DoubleVector c52 = zero;
        DoubleVector c60 = zero;
        DoubleVector c61 = zero;
        DoubleVector c62 = zero;
        DoubleVector c70 = zero;
        DoubleVector c71 = zero;
        DoubleVector c72 = zero;
        DoubleVector av;
        // The loop variable is the offset into B itself: C2 then hoists the range checks of the three
        // B loads out of the loop (two compares for the A loads stay). With a counter as the loop
        // variable the B loads kept theirs, and a stack spill, and the loop ran 5% slower in L1.
        int end = bi + kc * (3 * L);
        for (int bo = bi, ao = ai; bo < end; bo += 3 * L, ao += 8) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bo);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, bo + L);
            DoubleVector b2 = DoubleVector.fromArray(S, bp, bo + 2 * L);
            av = DoubleVector.broadcast(S, ap[ao]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            c02 = av.fma(b2, c02);
            av = DoubleVector.broadcast(S, ap[ao + 1]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            c12 = av.fma(b2, c12);
            av = DoubleVector.broadcast(S, ap[ao + 2]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            c22 = av.fma(b2, c22);
            av = DoubleVector.broadcast(S, ap[ao + 3]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
            c32 = av.fma(b2, c32);
            av = DoubleVector.broadcast(S, ap[ao + 4]);
            c40 = av.fma(b0, c40);
            c41 = av.fma(b1, c41);
            c42 = av.fma(b2, c42);
            av = DoubleVector.broadcast(S, ap[ao + 5]);
            c50 = av.fma(b0, c50);
            c51 = av.fma(b1, c51);
            c52 = av.fma(b2, c52);
            av = DoubleVector.broadcast(S, ap[ao + 6]);
            c60 = av.fma(b0, c60);
            c61 = av.fma(b1, c61);
            c62 = av.fma(b2, c62);
            av = DoubleVector.broadcast(S, ap[ao + 7]);
            c70 = av.fma(b0, c70);
            c71 = av.fma(b1, c71);
            c72 = av.fma(b2, c72);
        }
        int r0 = cIdx;
        int i0 = inIdx;
        c00.fma(one, DoubleVector.fromArray(S, in, i0)).intoArray(c, r0);
        c01.fma(one, DoubleVector.fromArray(S, in, i0 + L)).intoArray(c, r0 + L);
        c02.fma(one, DoubleVector.fromArray(S, in, i0 + 2 * L)).intoArray(c, r0 + 2 * L);
        int r1 = cIdx + ldc;
        int i1 = inIdx + ldIn;
        c10.fma(one, DoubleVector.fromArray(S, in, i1)).intoArray(c, r1);
        c11.fma(one, DoubleVector.fromArray(S, in, i1 + L)).intoArray(c, r1 + L);
        c12.fma(one, DoubleVector.fromArray(S, in, i1 + 2 * L)).intoArray(c, r1 + 2 * L);
        int r2 = cIdx + 2 * ldc;
        int i2 = inIdx + 2 * ldIn;
        c20.fma(one, DoubleVector.fromArray(S, in, i2)).intoArray(c, r2);
        c21.fma(one, DoubleVector.fromArray(S, in, i2 + L)).intoArray(c, r2 + L);
        c22.fma(one, DoubleVector.fromArray(S, in, i2 + 2 * L)).intoArray(c, r2 + 2 * L);
        int r3 = cIdx + 3 * ldc;
        int i3 = inIdx + 3 * ldIn;
        c30.fma(one, DoubleVector.fromArray(S, in, i3)).intoArray(c, r3);
        c31.fma(one, DoubleVector.fromArray(S, in, i3 + L)).intoArray(c, r3 + L);
        c32.fma(one, DoubleVector.fromArray(S, in, i3 + 2 * L)).intoArray(c, r3 + 2 * L);
        int r4 = cIdx + 4 * ldc;
        int i4 = inIdx + 4 * ldIn;
        c40.fma(one, DoubleVector.fromArray(S, in, i4)).intoArray(c, r4);
        c41.fma(one, DoubleVector.fromArray(S, in, i4 + L)).intoArray(c, r4 + L);
        c42.fma(one, DoubleVector.fromArray(S, in, i4 + 2 * L)).intoArray(c, r4 + 2 * L);
        int r5 = cIdx + 5 * ldc;
        int i5 = inIdx + 5 * ldIn;
        c50.fma(one, DoubleVector.fromArray(S, in, i5)).intoArray(c, r5);
        c51.fma(one, DoubleVector.fromArray(S, in, i5 + L)).intoArray(c, r5 + L);
        c52.fma(one, DoubleVector.fromArray(S, in, i5 + 2 * L)).intoArray(c, r5 + 2 * L);
        int r6 = cIdx + 6 * ldc;
        int i6 = inIdx + 6 * ldIn;
        c60.fma(one, DoubleVector.fromArray(S, in, i6)).intoArray(c, r6);
        c61.fma(one, DoubleVector.fromArray(S, in, i6 + L)).intoArray(c, r6 + L);
        c62.fma(one, DoubleVector.fromArray(S, in, i6 + 2 * L)).intoArray(c, r6 + 2 * L);
        int r7 = cIdx + 7 * ldc;
        int i7 = inIdx + 7 * ldIn;
        c70.fma(one, DoubleVector.fromArray(S, in, i7)).intoArray(c, r7);
        c71.fma(one, DoubleVector.fromArray(S, in, i7 + L)).intoArray(c, r7 + L);
        c72.fma(one, DoubleVector.fromArray(S, in, i7 + 2 * L)).intoArray(c, r7 + 2 * L);
    }
}
