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
    /** Rows of a register tile. */
    static final int MR = 8;
    /**
     * Vectors across a register tile. Three where vectors hold eight doubles (AVX-512, whose 32
     * registers hold the 24 accumulators, three rows of B and a broadcast): each loaded row of B then
     * serves 24 fused multiply-adds instead of 16, and a 1024 x 1024 product ran 6 to 12% faster than
     * with two on an Intel Xeon. Two elsewhere: AVX2 and NEON have 16 or 32 registers of two or four
     * doubles, and two vectors keep the tile inside them.
     */
    static final int V = L >= 8 ? 3 : 2;
    /** Columns of a register tile. */
    static final int NR = V * L;
    /** Block sizes from this machine's caches (see {@link Blocking}). */
    static final int KC = Blocking.kc(NR);
    static final int MC = Blocking.mc(MR, KC);
    static final int NC = Blocking.nc(NR, KC);

    /** As {@link ScalarGemm#gemm}. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                     double[] c, int cOff, int ldc) {
        Blocked.gemm(MR, NR, KC, MC, NC, V == 3 ? VectorGemm::micro3 : VectorGemm::micro2, VectorPack.INSTANCE,
                transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    }

    /**
     * As {@link #gemm} on a tile {@code vectors} (2 or 3) vectors wide whatever this machine would
     * choose, so that tests reach both micro-kernels on any machine.
     */
    static void gemmWithTile(int vectors, boolean transA, boolean transB, int m, int n, int k,
                             double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                             double[] c, int cOff, int ldc) {
        if (vectors != 2 && vectors != 3) {
            throw new IllegalArgumentException("gemm: a register tile is 2 or 3 vectors wide, not " + vectors);
        }
        int nr = vectors * L;
        int kc = Blocking.kc(nr);
        Blocked.gemm(MR, nr, kc, Blocking.mc(MR, kc), Blocking.nc(nr, kc),
                vectors == 3 ? VectorGemm::micro3 : VectorGemm::micro2, VectorPack.INSTANCE,
                transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    }

    /**
     * One whole 8 x 2L tile (see {@link Blocked.Micro}). The tile lives in sixteen local vectors,
     * written out by hand: an array of vectors would not stay in registers. The panel offsets advance
     * by a constant each step, a form for which C2 hoists the range checks of the loop's loads out of
     * it (HotSpot 17, checked in the disassembly: the loop is two loads, eight memory
     * broadcasts and sixteen FMAs); in an experiment, offsets computed as {@code ai + p * MR} kept them.
     */
    private static void micro2(int kc, double[] ap, int ai, double[] bp, int bi, double[] c, int cIdx, int ldc) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = DoubleVector.zero(S);
        DoubleVector c10 = DoubleVector.zero(S);
        DoubleVector c11 = DoubleVector.zero(S);
        DoubleVector c20 = DoubleVector.zero(S);
        DoubleVector c21 = DoubleVector.zero(S);
        DoubleVector c30 = DoubleVector.zero(S);
        DoubleVector c31 = DoubleVector.zero(S);
        DoubleVector c40 = DoubleVector.zero(S);
        DoubleVector c41 = DoubleVector.zero(S);
        DoubleVector c50 = DoubleVector.zero(S);
        DoubleVector c51 = DoubleVector.zero(S);
        DoubleVector c60 = DoubleVector.zero(S);
        DoubleVector c61 = DoubleVector.zero(S);
        DoubleVector c70 = DoubleVector.zero(S);
        DoubleVector c71 = DoubleVector.zero(S);
        DoubleVector av;
        for (int p = 0; p < kc; p++) {
            int bo = bi;
            int ao = ai;
            bi += 2 * L;
            ai += MR;
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
            av = DoubleVector.broadcast(S, ap[ao + 6]);
            c60 = av.fma(b0, c60);
            c61 = av.fma(b1, c61);
            av = DoubleVector.broadcast(S, ap[ao + 7]);
            c70 = av.fma(b0, c70);
            c71 = av.fma(b1, c71);
        }
        DoubleVector.fromArray(S, c, cIdx).add(c00).intoArray(c, cIdx);
        DoubleVector.fromArray(S, c, cIdx + L).add(c01).intoArray(c, cIdx + L);
        DoubleVector.fromArray(S, c, cIdx + ldc).add(c10).intoArray(c, cIdx + ldc);
        DoubleVector.fromArray(S, c, cIdx + ldc + L).add(c11).intoArray(c, cIdx + ldc + L);
        DoubleVector.fromArray(S, c, cIdx + 2 * ldc).add(c20).intoArray(c, cIdx + 2 * ldc);
        DoubleVector.fromArray(S, c, cIdx + 2 * ldc + L).add(c21).intoArray(c, cIdx + 2 * ldc + L);
        DoubleVector.fromArray(S, c, cIdx + 3 * ldc).add(c30).intoArray(c, cIdx + 3 * ldc);
        DoubleVector.fromArray(S, c, cIdx + 3 * ldc + L).add(c31).intoArray(c, cIdx + 3 * ldc + L);
        DoubleVector.fromArray(S, c, cIdx + 4 * ldc).add(c40).intoArray(c, cIdx + 4 * ldc);
        DoubleVector.fromArray(S, c, cIdx + 4 * ldc + L).add(c41).intoArray(c, cIdx + 4 * ldc + L);
        DoubleVector.fromArray(S, c, cIdx + 5 * ldc).add(c50).intoArray(c, cIdx + 5 * ldc);
        DoubleVector.fromArray(S, c, cIdx + 5 * ldc + L).add(c51).intoArray(c, cIdx + 5 * ldc + L);
        DoubleVector.fromArray(S, c, cIdx + 6 * ldc).add(c60).intoArray(c, cIdx + 6 * ldc);
        DoubleVector.fromArray(S, c, cIdx + 6 * ldc + L).add(c61).intoArray(c, cIdx + 6 * ldc + L);
        DoubleVector.fromArray(S, c, cIdx + 7 * ldc).add(c70).intoArray(c, cIdx + 7 * ldc);
        DoubleVector.fromArray(S, c, cIdx + 7 * ldc + L).add(c71).intoArray(c, cIdx + 7 * ldc + L);
    }

    /**
     * As {@link #micro2} on an 8 x 3L tile: 24 accumulators, three loads of B and eight broadcasts per
     * step. The tile goes into C as {@code fma(acc, 1, c)}, which rounds once and so is
     * {@code acc + c} bit for bit: past HotSpot 17's inlining budget, the 24 calls of {@code add} this
     * method once made were inlined late without their constant operator, and in most runs 8 to 14 of
     * the C stores behind them compiled as calls into the Vector API's Java fallback (PrintIntrinsics:
     * "missing constant"); {@code fma} is already inlined by the loop. Loading C before the loop
     * instead avoided that too, but cost 10% on Temurin 25, where every chain then waited for C.
     */
    private static void micro3(int kc, double[] ap, int ai, double[] bp, int bi, double[] c, int cIdx, int ldc) {
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
        for (int bo = bi, ao = ai; bo < end; bo += 3 * L, ao += MR) {
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
        c00.fma(one, DoubleVector.fromArray(S, c, r0)).intoArray(c, r0);
        c01.fma(one, DoubleVector.fromArray(S, c, r0 + L)).intoArray(c, r0 + L);
        c02.fma(one, DoubleVector.fromArray(S, c, r0 + 2 * L)).intoArray(c, r0 + 2 * L);
        int r1 = cIdx + ldc;
        c10.fma(one, DoubleVector.fromArray(S, c, r1)).intoArray(c, r1);
        c11.fma(one, DoubleVector.fromArray(S, c, r1 + L)).intoArray(c, r1 + L);
        c12.fma(one, DoubleVector.fromArray(S, c, r1 + 2 * L)).intoArray(c, r1 + 2 * L);
        int r2 = cIdx + 2 * ldc;
        c20.fma(one, DoubleVector.fromArray(S, c, r2)).intoArray(c, r2);
        c21.fma(one, DoubleVector.fromArray(S, c, r2 + L)).intoArray(c, r2 + L);
        c22.fma(one, DoubleVector.fromArray(S, c, r2 + 2 * L)).intoArray(c, r2 + 2 * L);
        int r3 = cIdx + 3 * ldc;
        c30.fma(one, DoubleVector.fromArray(S, c, r3)).intoArray(c, r3);
        c31.fma(one, DoubleVector.fromArray(S, c, r3 + L)).intoArray(c, r3 + L);
        c32.fma(one, DoubleVector.fromArray(S, c, r3 + 2 * L)).intoArray(c, r3 + 2 * L);
        int r4 = cIdx + 4 * ldc;
        c40.fma(one, DoubleVector.fromArray(S, c, r4)).intoArray(c, r4);
        c41.fma(one, DoubleVector.fromArray(S, c, r4 + L)).intoArray(c, r4 + L);
        c42.fma(one, DoubleVector.fromArray(S, c, r4 + 2 * L)).intoArray(c, r4 + 2 * L);
        int r5 = cIdx + 5 * ldc;
        c50.fma(one, DoubleVector.fromArray(S, c, r5)).intoArray(c, r5);
        c51.fma(one, DoubleVector.fromArray(S, c, r5 + L)).intoArray(c, r5 + L);
        c52.fma(one, DoubleVector.fromArray(S, c, r5 + 2 * L)).intoArray(c, r5 + 2 * L);
        int r6 = cIdx + 6 * ldc;
        c60.fma(one, DoubleVector.fromArray(S, c, r6)).intoArray(c, r6);
        c61.fma(one, DoubleVector.fromArray(S, c, r6 + L)).intoArray(c, r6 + L);
        c62.fma(one, DoubleVector.fromArray(S, c, r6 + 2 * L)).intoArray(c, r6 + 2 * L);
        int r7 = cIdx + 7 * ldc;
        c70.fma(one, DoubleVector.fromArray(S, c, r7)).intoArray(c, r7);
        c71.fma(one, DoubleVector.fromArray(S, c, r7 + L)).intoArray(c, r7 + L);
        c72.fma(one, DoubleVector.fromArray(S, c, r7 + 2 * L)).intoArray(c, r7 + 2 * L);
    }
}
