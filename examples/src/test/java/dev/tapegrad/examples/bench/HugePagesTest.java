package dev.tapegrad.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The huge-page note of the bench: read from the kernel's setting as Linux writes it. */
class HugePagesTest {
    @Test
    void modeIsTheBracketedWord() {
        assertEquals(Optional.of("madvise"), HugePages.mode("always [madvise] never\n"));
        assertEquals(Optional.of("always"), HugePages.mode("[always] madvise never"));
        assertEquals(Optional.of("never"), HugePages.mode("always madvise [never]"));
        assertEquals(Optional.empty(), HugePages.mode("always madvise never"));
        assertEquals(Optional.empty(), HugePages.mode("]madvise["));
        assertEquals(Optional.empty(), HugePages.mode(""));
    }

    @Test
    void onlyMadviseWithoutTheFlagGetsTheNote() {
        Optional<String> note = HugePages.advice("madvise", false);
        assertTrue(note.isPresent() && note.get().contains("-XX:+UseTransparentHugePages"), String.valueOf(note));
        assertEquals(Optional.empty(), HugePages.advice("madvise", true));
        assertEquals(Optional.empty(), HugePages.advice("always", false));
        assertEquals(Optional.empty(), HugePages.advice("never", false));
    }
}
