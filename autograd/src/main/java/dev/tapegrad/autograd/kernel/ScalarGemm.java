package dev.tapegrad.autograd.kernel;

/**
 * The matrix product without the Vector API: {@code C += op(A) op(B)} on strided row-major views,
 * blocked and packed like {@link VectorGemm} (see {@link Blocked}) with a 4 x 4 tile of C held in
 * sixteen scalar locals. HotSpot does not vectorise this; it is fast because every loaded value feeds
 * four multiply-adds and the sixteen independent sums keep both arithmetic pipes busy.
 *
 * <p>Where the JVM compiles {@link Math#fma} to one instruction ({@code -XX:+UseFMA}, the default on
 * x86 with FMA and on AArch64) the tile is summed with fused multiply-adds; elsewhere, where
 * {@code Math.fma} would be a slow software routine, with a multiply and an add. Each element is
 * {@code c + chain(block 0) + chain(block 1) + ...}, each chain in order of k from zero. Internal.
 */
final class ScalarGemm {
    private ScalarGemm() {}

    static final int MR = 4;
    static final int NR = 4;
    /** Block sizes from this machine's caches (see {@link Blocking}). */
    static final int KC = Blocking.kc(NR);
    static final int MC = Blocking.mc(MR, KC);
    static final int NC = Blocking.nc(NR, KC);

    /** Whether {@link Math#fma} is a hardware instruction on this JVM; read once. */
    static final boolean FUSED = Jit.hardwareFma();

    /**
     * {@code C(i,j) += sum_p A(i,p) B(p,j)} with {@code A(i,p) = a[aOff + i*lda + p]} (or
     * {@code a[aOff + p*lda + i]} when {@code transA}), {@code B(p,j) = b[bOff + p*ldb + j]} (or
     * {@code b[bOff + j*ldb + p]} when {@code transB}), {@code C(i,j) = c[cOff + i*ldc + j]}.
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                     double[] c, int cOff, int ldc) {
        gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, null, 0);
    }

    /** As {@link #gemm}, or {@code C = row + op(A) op(B)} where {@code row} is not null (see {@link Blocked#gemm}). */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                     double[] c, int cOff, int ldc, double[] row, int rowOff) {
        Blocked.gemm(MR, NR, KC, MC, NC, ScalarGemm::tile, Pack.PLAIN, transA, transB, m, n, k,
                a, aOff, lda, b, bOff, ldb, c, cOff, ldc, row, rowOff);
    }

    /**
     * One whole 4 x 4 tile (see {@link Blocked.Micro}), summed in sixteen locals; the
     * panel offsets advance by a constant each step, the form whose range checks the JIT hoists.
     */
    private static void tile(int kc, double[] ap, int ai, double[] bp, int bi, double[] in, int inIdx, int ldIn,
                             double[] c, int cIdx, int ldc) {
        if (FUSED) {
            fused(kc, ap, ai, bp, bi, in, inIdx, ldIn, c, cIdx, ldc);
        } else {
            unfused(kc, ap, ai, bp, bi, in, inIdx, ldIn, c, cIdx, ldc);
        }
    }

    private static void fused(int kc, double[] ap, int ai, double[] bp, int bi, double[] in, int inIdx, int ldIn,
                              double[] c, int cIdx, int ldc) {
        double c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        double c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        double c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        double c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (int p = 0; p < kc; p++) {
            int ao = ai;
            int bo = bi;
            ai += MR;
            bi += NR;
            double a0 = ap[ao];
            double a1 = ap[ao + 1];
            double a2 = ap[ao + 2];
            double a3 = ap[ao + 3];
            double b0 = bp[bo];
            double b1 = bp[bo + 1];
            double b2 = bp[bo + 2];
            double b3 = bp[bo + 3];
            c00 = Math.fma(a0, b0, c00); c01 = Math.fma(a0, b1, c01); c02 = Math.fma(a0, b2, c02); c03 = Math.fma(a0, b3, c03);
            c10 = Math.fma(a1, b0, c10); c11 = Math.fma(a1, b1, c11); c12 = Math.fma(a1, b2, c12); c13 = Math.fma(a1, b3, c13);
            c20 = Math.fma(a2, b0, c20); c21 = Math.fma(a2, b1, c21); c22 = Math.fma(a2, b2, c22); c23 = Math.fma(a2, b3, c23);
            c30 = Math.fma(a3, b0, c30); c31 = Math.fma(a3, b1, c31); c32 = Math.fma(a3, b2, c32); c33 = Math.fma(a3, b3, c33);
        }
        int r0 = cIdx;
        int i0 = inIdx;
        c[r0] = in[i0] + c00; c[r0 + 1] = in[i0 + 1] + c01; c[r0 + 2] = in[i0 + 2] + c02; c[r0 + 3] = in[i0 + 3] + c03;
        int r1 = cIdx + ldc;
        int i1 = inIdx + ldIn;
        c[r1] = in[i1] + c10; c[r1 + 1] = in[i1 + 1] + c11; c[r1 + 2] = in[i1 + 2] + c12; c[r1 + 3] = in[i1 + 3] + c13;
        int r2 = cIdx + 2 * ldc;
        int i2 = inIdx + 2 * ldIn;
        c[r2] = in[i2] + c20; c[r2 + 1] = in[i2 + 1] + c21; c[r2 + 2] = in[i2 + 2] + c22; c[r2 + 3] = in[i2 + 3] + c23;
        int r3 = cIdx + 3 * ldc;
        int i3 = inIdx + 3 * ldIn;
        c[r3] = in[i3] + c30; c[r3 + 1] = in[i3 + 1] + c31; c[r3 + 2] = in[i3 + 2] + c32; c[r3 + 3] = in[i3 + 3] + c33;
    }

    private static void unfused(int kc, double[] ap, int ai, double[] bp, int bi, double[] in, int inIdx, int ldIn,
                                double[] c, int cIdx, int ldc) {
        double c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        double c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        double c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        double c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (int p = 0; p < kc; p++) {
            int ao = ai;
            int bo = bi;
            ai += MR;
            bi += NR;
            double a0 = ap[ao];
            double a1 = ap[ao + 1];
            double a2 = ap[ao + 2];
            double a3 = ap[ao + 3];
            double b0 = bp[bo];
            double b1 = bp[bo + 1];
            double b2 = bp[bo + 2];
            double b3 = bp[bo + 3];
            c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
            c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
            c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
            c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
        }
        int r0 = cIdx;
        int i0 = inIdx;
        c[r0] = in[i0] + c00; c[r0 + 1] = in[i0 + 1] + c01; c[r0 + 2] = in[i0 + 2] + c02; c[r0 + 3] = in[i0 + 3] + c03;
        int r1 = cIdx + ldc;
        int i1 = inIdx + ldIn;
        c[r1] = in[i1] + c10; c[r1 + 1] = in[i1 + 1] + c11; c[r1 + 2] = in[i1 + 2] + c12; c[r1 + 3] = in[i1 + 3] + c13;
        int r2 = cIdx + 2 * ldc;
        int i2 = inIdx + 2 * ldIn;
        c[r2] = in[i2] + c20; c[r2 + 1] = in[i2 + 1] + c21; c[r2 + 2] = in[i2 + 2] + c22; c[r2 + 3] = in[i2 + 3] + c23;
        int r3 = cIdx + 3 * ldc;
        int i3 = inIdx + 3 * ldIn;
        c[r3] = in[i3] + c30; c[r3 + 1] = in[i3 + 1] + c31; c[r3 + 2] = in[i3 + 2] + c32; c[r3 + 3] = in[i3 + 3] + c33;
    }
}
