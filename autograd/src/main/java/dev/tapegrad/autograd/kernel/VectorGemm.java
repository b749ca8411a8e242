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
 * is present, so the library loads without it. The micro-kernel calls nothing that takes or returns
 * a vector except the Vector API's own intrinsics, which the JIT always inlines. Internal.
 */
final class VectorGemm {
    private VectorGemm() {}

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** Doubles per vector. */
    static final int L = S.length();
    /** Rows of a register tile. */
    static final int MR = 8;
    /** Columns of a register tile: two vectors. */
    static final int NR = 2 * L;
    /** Block sizes from this machine's caches (see {@link Blocking}). */
    static final int KC = Blocking.kc(NR);
    static final int MC = Blocking.mc(MR, KC);
    static final int NC = Blocking.nc(NR, KC);

    /** As {@link ScalarGemm#gemm}. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                     double[] c, int cOff, int ldc) {
        Blocked.gemm(MR, NR, KC, MC, NC, VectorGemm::micro, VectorPack.INSTANCE, transA, transB, m, n, k,
                a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    }

    /**
     * One whole MR x NR tile (see {@link Blocked.Micro}). The tile lives in sixteen local vectors,
     * written out by hand: an array of vectors would not stay in registers. The panel offsets advance
     * by a constant each step, a form for which C2 hoists the range checks of the loop's loads out of
     * it (HotSpot 17, checked in the disassembly: the loop is two loads, eight memory
     * broadcasts and sixteen FMAs); in an experiment, offsets computed as {@code ai + p * MR} kept them.
     */
    private static void micro(int kc, double[] ap, int ai, double[] bp, int bi, double[] c, int cIdx, int ldc) {
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
            bi += NR;
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
}
