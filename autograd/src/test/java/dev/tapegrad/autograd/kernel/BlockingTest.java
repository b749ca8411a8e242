package dev.tapegrad.autograd.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Block sizes read from the machine stay inside what the kernels can use, whatever the machine reports. */
class BlockingTest {
    @Test
    void sizesParseAsLinuxWritesThem() {
        assertEquals(48 * 1024, Caches.parseSize("48K"));
        assertEquals(2L * 1024 * 1024, Caches.parseSize("2048K"));
        assertEquals(1024 * 1024, Caches.parseSize("1M"));
        assertEquals(512, Caches.parseSize("512"));
        assertEquals(-1, Caches.parseSize("big"));
        assertEquals(-1, Caches.parseSize(""));
        assertEquals(-1, Caches.parseSize(null));
    }

    @Test
    void cachesAreReadOrFallBack() {
        assertTrue(Caches.L1D >= 4096 && Caches.L1D <= (1 << 30), "L1d " + Caches.L1D);
        assertTrue(Caches.L2 >= 4096 && Caches.L2 <= (1 << 30), "L2 " + Caches.L2);
        assertTrue(Caches.L3 >= 0, "L3 " + Caches.L3);
    }

    @Test
    void blocksAreMultiplesOfTheTileInRange() {
        for (int[] tile : new int[][] {{ScalarGemm.MR, ScalarGemm.NR}, {8, 24}, {8, 16}, {8, 12}, {8, 8}, {8, 4}, {6, 8}, {6, 4}}) {
            int mr = tile[0];
            int nr = tile[1];
            int kc = Blocking.kc(nr);
            int mc = Blocking.mc(mr, kc);
            int nc = Blocking.nc(nr, kc);
            assertTrue(kc >= 64 && kc <= 384 && kc % 8 == 0, "kc " + kc);
            assertTrue(mc >= mr && mc <= 1024 && mc % mr == 0, "mc " + mc);
            assertTrue(nc >= nr && nc <= 4096 && nc % nr == 0, "nc " + nc);
        }
    }

    @Test
    void depthIsSplitEvenlyAndDependsOnKAlone() {
        assertEquals(160, Blocking.kcFor(784, 192)); // 5 blocks: 160 x 4 + 144, not 192 x 4 + 16
        assertEquals(200, Blocking.kcFor(784, 256)); // 4 blocks: 200 x 3 + 184, not 256 x 3 + 16
        assertEquals(192, Blocking.kcFor(192, 192));
        assertEquals(104, Blocking.kcFor(200, 192)); // 2 blocks: 104 + 96
        assertEquals(8, Blocking.kcFor(1, 192));
        for (int k = 1; k < 2000; k += 7) {
            int kc = Blocking.kcFor(k, 256);
            int blocks = (k + kc - 1) / kc;
            assertTrue(kc <= 256 && kc % 8 == 0, "k " + k + " kc " + kc);
            assertEquals((k + 255) / 256, blocks, "k " + k + ": no more blocks than the limit needs");
        }
    }
}
