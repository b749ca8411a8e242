package dev.tapegrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Safetensors round trip, the byte layout PyTorch expects, and every kind of bad file. */
class CheckpointTest {
    @TempDir
    Path dir;

    private static Sequential net(long seed) {
        return Mlp.sigmoid(new SplittableRandom(seed), 3, 4, 1);
    }

    private static List<double[]> snapshot(Layer model) {
        return model.parameters().stream().map(Parameter::values).toList();
    }

    private static long[] bits(double[] v) {
        return Arrays.stream(v).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    /** A safetensors file assembled by hand: header text as given (padded to 8), then the body. */
    private static byte[] file(String header, byte[] body) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        int padded = (h.length + 7) / 8 * 8;
        ByteBuffer b = ByteBuffer.allocate(8 + padded + body.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(padded).put(h);
        for (int i = h.length; i < padded; i++) {
            b.put((byte) ' ');
        }
        return b.put(body).array();
    }

    private static byte[] f64(double... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            b.putDouble(x);
        }
        return b.array();
    }

    @Test
    void roundTripIsBitExact() throws IOException {
        Sequential a = net(1);
        a.parameters().get(1).copyFrom(-0.0, Double.MIN_VALUE, Double.MAX_VALUE, Math.PI);
        Path f = dir.resolve("model.safetensors");
        Checkpoint.save(f, a);
        Sequential b = net(2);
        Checkpoint.load(f, b);
        for (int k = 0; k < 4; k++) {
            assertArrayEquals(bits(a.parameters().get(k).values()), bits(b.parameters().get(k).values()),
                    a.parameters().get(k).name());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void layoutIsWhatSafetensorsReadersExpect() throws IOException {
        Sequential a = net(3);
        Path f = dir.resolve("m.safetensors");
        Checkpoint.save(f, a);
        byte[] bytes = Files.readAllBytes(f);
        long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, n % 8, "header padded so the data is 8-byte aligned");
        String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
        assertTrue(header.contains("\"0.weight\":{\"dtype\":\"F64\",\"shape\":[4,3],\"data_offsets\":[0,96]}"), header);
        assertTrue(header.contains("\"2.bias\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[160,168]}"), header);
        assertEquals(8 + n + 8 * (12 + 4 + 4 + 1), bytes.length);
        double first = ByteBuffer.wrap(bytes, (int) (8 + n), 8).order(ByteOrder.LITTLE_ENDIAN).getDouble();
        assertEquals(Double.doubleToRawLongBits(a.parameters().get(0).get(0)), Double.doubleToRawLongBits(first));
    }

    @Test
    void loadsAHandWrittenFileInAnyOrderWithMetadataAndF32() throws IOException {
        Parameter w = new Parameter("w", Shape.of(2, 2), 0, 0, 0, 0);
        Parameter b = new Parameter("b", Shape.of(2), 0, 0);
        ByteBuffer f32 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.5f).putFloat(-1.25f);
        byte[] body = new byte[40];
        System.arraycopy(f32.array(), 0, body, 0, 8);
        System.arraycopy(f64(1, 2, 3, 4), 0, body, 8, 32);
        Path f = dir.resolve("torch.safetensors");
        Files.write(f, file("{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"w\":{\"dtype\":\"F64\",\"shape\":[2,2],\"data_offsets\":[8,40]}}", body));
        Checkpoint.load(f, List.of(w, b));
        assertArrayEquals(new double[] {1, 2, 3, 4}, w.values());
        assertArrayEquals(new double[] {0.5, -1.25}, b.values());
        Map<String, Parameter> read = Checkpoint.read(f);
        assertEquals(List.of("b", "w"), List.copyOf(read.keySet()));
        assertEquals(Shape.of(2, 2), read.get("w").shape());
    }

    /** Loading {@code bytes} into a fresh network fails with a message containing every fragment; nothing changes. */
    private void assertRejected(byte[] bytes, String... fragments) throws IOException {
        Path f = dir.resolve("bad.safetensors");
        Files.write(f, bytes);
        Sequential target = net(9);
        List<double[]> before = snapshot(target);
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.load(f, target));
        for (String s : fragments) {
            assertTrue(e.getMessage().contains(s), () -> "'" + e.getMessage() + "' should contain '" + s + "'");
        }
        List<double[]> after = snapshot(target);
        for (int k = 0; k < before.size(); k++) {
            assertArrayEquals(before.get(k), after.get(k), "parameter " + k + " unchanged");
        }
    }

    private byte[] saved(Map<String, Parameter> ps) throws IOException {
        Path f = dir.resolve("good.safetensors");
        Checkpoint.save(f, ps);
        return Files.readAllBytes(f);
    }

    @Test
    void missingTensor() throws IOException {
        Map<String, Parameter> ps = new LinkedHashMap<>(net(1).namedParameters());
        ps.remove("2.bias");
        assertRejected(saved(ps), "missing", "2.bias");
    }

    @Test
    void extraTensor() throws IOException {
        Map<String, Parameter> ps = new LinkedHashMap<>(net(1).namedParameters());
        ps.put("4.weight", new Parameter("w", Shape.of(1), 1.0));
        assertRejected(saved(ps), "unexpected", "4.weight");
    }

    @Test
    void wrongShape() throws IOException {
        assertRejected(saved(Mlp.sigmoid(new SplittableRandom(1), 3, 5, 1).namedParameters()),
                "'0.weight'", "[5, 3]", "[4, 3]");
    }

    @Test
    void truncatedBody() throws IOException {
        byte[] good = saved(net(1).namedParameters());
        assertRejected(Arrays.copyOf(good, good.length - 3), "'2.bias'", "truncated", "byte offset " + (good.length - 3));
    }

    @Test
    void trailingBytes() throws IOException {
        byte[] good = saved(net(1).namedParameters());
        assertRejected(Arrays.copyOf(good, good.length + 8), "8 unused bytes", "byte offset " + good.length);
    }

    @Test
    void fileShorterThanTheLengthField() throws IOException {
        assertRejected(new byte[] {1, 2, 3}, "3 bytes", "byte offset 0");
    }

    @Test
    void headerLengthBeyondTheFile() throws IOException {
        byte[] good = saved(net(1).namedParameters());
        ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN).putLong(0, good.length);
        assertRejected(good, "header length " + good.length, "byte offset 0");
    }

    @Test
    void malformedJson() throws IOException {
        // The header's 13th byte (file offset 8 + 12) is where the broken value sits.
        assertRejected(file("{\"0.weight\":x}", new byte[0]), "malformed header", "byte offset 20");
        assertRejected(file("{\"0.weight\":{\"dtype\":\"F64\"", new byte[0]), "malformed header");
        assertRejected(file("[1, 2]", new byte[0]), "malformed header", "byte offset 8");
        byte[] notUtf8 = file("{\"a\":\"\u00e9\"}", new byte[0]);
        notUtf8[8 + 7] = (byte) 0xff;
        assertRejected(notUtf8, "not valid UTF-8");
    }

    @Test
    void badEntries() throws IOException {
        assertRejected(file("{\"0.weight\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[0,2]}}", new byte[2]),
                "'0.weight'", "BF16");
        assertRejected(file("{\"0.bias\":{\"dtype\":\"F64\",\"shape\":[4],\"data_offsets\":[0,24]}}", new byte[24]),
                "'0.bias'", "span 24 bytes", "needs 32");
        assertRejected(file("{\"0.bias\":{\"dtype\":\"F64\",\"shape\":[-4],\"data_offsets\":[0,32]}}", new byte[32]),
                "'0.bias'", "shape", "-4");
        assertRejected(file("{\"0.bias\":{\"dtype\":\"F64\",\"shape\":[1]}}", new byte[8]),
                "'0.bias'", "data_offsets");
    }

    @Test
    void overlappingTensors() throws IOException {
        assertRejected(file("{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]},"
                + "\"b\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[8,16]}}", new byte[16]), "overlaps");
    }

    @Test
    void failedSaveLeavesTheOldFile() throws IOException {
        Path f = dir.resolve("keep.safetensors");
        Checkpoint.save(f, net(1));
        byte[] before = Files.readAllBytes(f);
        List<Parameter> clash = List.of(new Parameter("x", Shape.of(1), 1), new Parameter("x", Shape.of(1), 2));
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.save(f, clash));
        assertArrayEquals(before, Files.readAllBytes(f));
        Checkpoint.save(f, net(2));
        Sequential check = net(5);
        Checkpoint.load(f, check);
        assertArrayEquals(net(2).parameters().get(0).values(), check.parameters().get(0).values(),
                "a second save replaces the file");
    }

    @Test
    void savingIntoAMissingDirectoryNamesTheTargetAndTheDirectory() {
        Path missing = dir.resolve("no-such-dir");
        Path f = missing.resolve("model.safetensors");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Checkpoint.save(f, net(1)));
        assertTrue(e.getMessage().contains(f.toString()), e::getMessage);
        assertTrue(e.getMessage().contains("the directory " + missing + " does not exist"), e::getMessage);
        assertFalse(e.getMessage().contains(".tmp"), e::getMessage);
        assertFalse(Files.exists(missing));
    }

    @Test
    void aSaveThatFailsMidWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
        Path f = dir.resolve("keep.safetensors");
        Checkpoint.save(f, net(1));
        byte[] before = Files.readAllBytes(f);
        // Writes the first 40 bytes (the length field and part of the header), then the disk is "full".
        Checkpoint.ChannelWriter failsHalfWay = (ch, data) -> {
            ByteBuffer part = data.duplicate();
            part.limit(part.position() + 40);
            while (part.hasRemaining()) {
                ch.write(part);
            }
            throw new IOException("No space left on device (simulated)");
        };
        IOException e = assertThrows(IOException.class, () -> Checkpoint.save(f, net(2).namedParameters(), failsHalfWay));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("unchanged"), e::getMessage);
        assertTrue(e.getMessage().contains("No space left on device"), e::getMessage);
        assertArrayEquals(before, Files.readAllBytes(f), "the old checkpoint is intact");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList(), "no temporary file is left behind");
        }
        Sequential check = net(5);
        Checkpoint.load(f, check);
        assertArrayEquals(net(1).parameters().get(0).values(), check.parameters().get(0).values());
    }
}
