package dev.tapegrad.autograd.kernel;

/**
 * Block sizes of the packed kernels from the cache sizes in {@link Caches}, in the GotoBLAS way: a
 * micro-panel of packed B ({@code kc x nr}) takes two thirds of L1d and the packed A panels stream
 * past it through the rest; a block of packed A ({@code mc x kc}) takes an eighth of L2; a block of
 * packed B ({@code kc x nc}) a share of L3. The kernels read these once into final static fields.
 * Internal.
 */
final class Blocking {
    private Blocking() {}

    /** Depth of a block along k, a multiple of 8 in [64, 384]. */
    static int kc(int nr) {
        int kc = Caches.L1D * 2 / 3 / (nr * Double.BYTES);
        return clamp(kc / 8 * 8, 64, 384);
    }

    /**
     * Rows of a block of A, a multiple of {@code mr} in [mr, 1024]: an eighth of L2, which leaves room
     * for the lines of C and B passing through it (and for a sibling hyperthread). On an Intel Xeon
     * (2 MiB L2, an 8 x 24 tile, kc 168) blocks of 96 to 256 rows ran within noise of each other and 384
     * (a quarter of L2) 3% slower.
     */
    static int mc(int mr, int kc) {
        int mc = Caches.L2 / 8 / (kc * Double.BYTES);
        return clamp(mc / mr * mr, mr, 1024 / mr * mr);
    }

    /**
     * Columns of a block of B, a multiple of {@code nr} in [nr, 4096]: a quarter of L3 (shared by the
     * cores), or four times L2 where no L3 is reported.
     */
    static int nc(int nr, int kc) {
        long room = Caches.L3 > 0 ? Caches.L3 / 4 : 4L * Caches.L2;
        long nc = room / ((long) kc * Double.BYTES);
        return (int) Math.max(nr, Math.min(4096 / nr * nr, nc / nr * nr));
    }

    /**
     * The depth actually used for a product of depth {@code k}: the blocks are as even as the limit
     * {@code kcMax} allows (784 in blocks of at most 192 is 5 blocks of 160 or less, not four of 192
     * and a sliver of 16, whose packing and tile stores would cost as much as a full block), rounded
     * up to a multiple of 8. It depends on k alone, so every element of C is summed in the same blocks
     * whatever part of C a thread computes.
     */
    static int kcFor(int k, int kcMax) {
        int blocks = (k + kcMax - 1) / kcMax;
        int kc = (k + blocks - 1) / blocks;
        return Math.min(kcMax, (kc + 7) / 8 * 8);
    }

    private static int clamp(int x, int lo, int hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
