package dev.tapegrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapegrad.autograd.Shape;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint files as a file system sees them: size, foreign formats, names, modes and temporaries. */
class CheckpointFilesTest {
    private static final long TWO_GIB = 2L << 30;

    @TempDir
    Path dir;

    private static Sequential net(long seed) {
        return Mlp.sigmoid(new SplittableRandom(seed), 3, 4, 1);
    }

    private static String rejected(Path f, Layer model) {
        return assertThrows(CheckpointException.class, () -> Checkpoint.load(f, model)).getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), () -> "'" + message + "' should mention '" + p + "'");
        }
    }

    /** A sparse file costs no disk: the length is set, the blocks are never written. */
    private static void extend(Path f, long length) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(length);
        }
    }

    @Test
    void aFileOfTwoGibibytesOrMoreIsJudgedByItsHeaderWithoutBeingRead() throws IOException {
        Path f = dir.resolve("huge.safetensors");
        Checkpoint.save(f, net(1));
        long saved = Files.size(f);
        extend(f, TWO_GIB + 8);
        assertMentions(rejected(f, net(2)), "unused bytes", "byte offset " + saved);

        // A header length beyond what any header may be, in a file large enough to hold it.
        Path g = dir.resolve("long-header.safetensors");
        Files.write(g, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(TWO_GIB).array());
        extend(g, 3 * TWO_GIB);
        assertMentions(rejected(g, net(2)), "header length " + TWO_GIB, "byte offset 0");
    }

    @Test
    void aTorchSaveFileIsRecognisedAndTheWayToSafetensorsIsShown() throws IOException {
        Path f = dir.resolve("model.pt");
        // The start of a zip archive, as torch.save writes since PyTorch 1.6.
        Files.write(f, new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        String m = rejected(f, net(1));
        assertMentions(m, f.toString(), "torch.save", "zip", "safetensors.torch.save_file(model.state_dict(), path)");
        assertFalse(m.contains("header length"), m);

        Path legacy = dir.resolve("legacy.pt");
        Files.write(legacy, new byte[] {(byte) 0x80, 2, (byte) 0x8a, 10, 0x6c, (byte) 0xfc, (byte) 0x9c, 0x46, 0, 0});
        assertMentions(rejected(legacy, net(1)), "pickle", "safetensors.torch.save_file(model.state_dict(), path)");
    }

    @Test
    void aNameTheFormatCannotHoldIsRefusedAtSave() throws IOException {
        Path f = dir.resolve("names.safetensors");
        Checkpoint.save(f, net(1));
        byte[] before = Files.readAllBytes(f);
        for (String bad : new String[] {"__metadata__", "w\uD800", "\uDC00b", "x\uDC00\uD800"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Checkpoint.save(f, List.of(new Parameter(bad, Shape.of(1), 1))));
            assertMentions(e.getMessage(), "checkpoint");
            assertArrayEquals(before, Files.readAllBytes(f), "nothing written for " + bad);
        }
        assertMentions(assertThrows(IllegalArgumentException.class, () -> Checkpoint.save(f,
                Map.of("__metadata__", new Parameter("p", Shape.of(1), 1)))).getMessage(), "__metadata__", "reserved");
        assertMentions(assertThrows(IllegalArgumentException.class, () -> Checkpoint.save(f,
                List.of(new Parameter("w\uD800", Shape.of(1), 1)))).getMessage(), "surrogate", "\\uD800", "index 1");
        Parameter paired = new Parameter("w\uD83D\uDE00", Shape.of(1), 7); // a valid pair: an emoji
        Checkpoint.save(f, List.of(paired));
        Parameter back = new Parameter("w\uD83D\uDE00", Shape.of(1), 0);
        Checkpoint.load(f, List.of(back));
        assertEquals(7, back.get(0));
    }

    private static boolean posix(Path p) {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void overwritingKeepsTheReplacedFilesMode() throws IOException {
        assumeTrue(posix(dir), "POSIX file modes");
        Path f = dir.resolve("shared.safetensors");
        for (String mode : new String[] {"rw-r--r--", "rw-r-----", "rw-rw-r--"}) {
            Checkpoint.save(f, net(1));
            Set<PosixFilePermission> wanted = PosixFilePermissions.fromString(mode);
            Files.setPosixFilePermissions(f, wanted);
            Checkpoint.save(f, net(2));
            assertEquals(wanted, Files.getPosixFilePermissions(f), mode);
        }
    }

    @Test
    void aNewFileGetsTheModeTheUmaskGivesAnyNewFile() throws IOException {
        assumeTrue(posix(dir), "POSIX file modes");
        Path plain = Files.createFile(dir.resolve("plain")); // the umask applied to 0666, by the OS
        Path f = dir.resolve("new.safetensors");
        Checkpoint.save(f, net(1));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(f));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aTemporaryHasARecognisableNameAndAStaleOneGoesOnTheNextSave() throws IOException {
        Path f = dir.resolve("model.safetensors");
        List<List<String>> seen = new ArrayList<>();
        Checkpoint.save(f, net(1).namedParameters(), (ch, data) -> {
            seen.add(names());
            while (data.hasRemaining()) {
                ch.write(data);
            }
        });
        assertEquals(1, seen.get(0).size(), seen.toString());
        String tmp = seen.get(0).get(0);
        assertTrue(tmp.startsWith(".model.safetensors.") && tmp.endsWith(".tapegrad-tmp"), tmp);

        // What a save killed mid-write leaves behind, for this target and for another one.
        Files.write(dir.resolve(tmp), new byte[] {1, 2, 3});
        Path other = dir.resolve(".other.safetensors." + tmp.substring(".model.safetensors.".length()));
        Files.write(other, new byte[] {4});
        Files.write(dir.resolve("model.safetensors.bak"), new byte[] {5});
        Checkpoint.save(f, net(2));
        assertEquals(List.of(other.getFileName().toString(), "model.safetensors", "model.safetensors.bak"), names());
        Sequential check = net(3);
        Checkpoint.load(f, check);
        assertArrayEquals(net(2).parameters().get(0).values(), check.parameters().get(0).values());
    }

    @Test
    void aTemporaryInUseByAnotherSaveIsLeftAlone() throws IOException {
        Path f = dir.resolve("model.safetensors");
        // While the outer save writes, a second save to the same target runs its clean-up: it must not
        // delete the outer save's temporary file, or the outer rename would fail.
        Checkpoint.save(f, net(1).namedParameters(), (ch, data) -> {
            Checkpoint.save(f, net(2));
            while (data.hasRemaining()) {
                ch.write(data);
            }
        });
        assertEquals(List.of("model.safetensors"), names());
        Sequential check = net(3);
        Checkpoint.load(f, check);
        assertArrayEquals(net(1).parameters().get(0).values(), check.parameters().get(0).values(),
                "the outer save won");
    }
}
