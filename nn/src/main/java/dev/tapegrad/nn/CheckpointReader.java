package dev.tapegrad.nn;

import dev.tapegrad.autograd.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a safetensors file without ever holding more of it than one tensor: the length field and the
 * header are read and checked against the file's size first, every tensor's byte range is checked
 * against the body, and only then are the tensors read, one at a time, straight into their values.
 * A file of any size is therefore judged by its header, never loaded whole.
 */
final class CheckpointReader {
    static final int LENGTH_BYTES = 8;
    /** The safetensors library's own limit; a larger length means a corrupt file, not a big model. */
    static final long MAX_HEADER = 100L * 1024 * 1024;
    static final String METADATA = "__metadata__";
    /** What PyTorch users run to get a file this reader accepts. */
    static final String HOW_TO_CONVERT = "in PyTorch, write safetensors instead: "
            + "safetensors.torch.save_file(model.state_dict(), path) (pip install safetensors)";

    /** One tensor as stored: its shape and its values, widened to double. */
    record Stored(Shape shape, double[] values) {}

    private CheckpointReader() {}

    /** Every tensor of the file, in file order; {@code __metadata__} is skipped. */
    static Map<String, Stored> readAll(Path path) throws IOException {
        Objects.requireNonNull(path, "checkpoint: path");
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < LENGTH_BYTES) {
                throw new CheckpointException("checkpoint " + path + ": file is " + size
                        + " bytes; it must start with an 8-byte header length (byte offset 0)");
            }
            ByteBuffer first = read(ch, 0, LENGTH_BYTES);
            recogniseForeignFormats(path, first);
            long headerLength = first.getLong(0);
            if (headerLength < 2 || headerLength > MAX_HEADER || headerLength > size - LENGTH_BYTES) {
                boolean tooLong = headerLength < 0 || headerLength > MAX_HEADER;
                throw new CheckpointException("checkpoint " + path + ": header length "
                        + Long.toUnsignedString(headerLength) + " at byte offset 0 "
                        + (tooLong ? "is more than any safetensors header may be (" + MAX_HEADER + " bytes), in a file "
                                + "of " + size + " bytes: the file is corrupt or not a safetensors file"
                                : "does not fit a file of " + size + " bytes"));
            }
            ByteBuffer headerBytes = read(ch, LENGTH_BYTES, (int) headerLength);
            Map<String, Object> header;
            try {
                header = HeaderJson.parseObject(headerBytes.array(), LENGTH_BYTES);
            } catch (CheckpointException e) {
                throw new CheckpointException(path + ": " + e.getMessage());
            }
            long bodyStart = LENGTH_BYTES + headerLength;
            long bodyLength = size - bodyStart;
            List<TensorEntry> entries = new ArrayList<>();
            for (Map.Entry<String, Object> e : header.entrySet()) {
                if (e.getKey().equals(METADATA)) {
                    continue;
                }
                TensorEntry t = TensorEntry.of(path, e.getKey(), e.getValue());
                if (t.end() > bodyLength) {
                    throw new CheckpointException(String.format("checkpoint %s: tensor '%s' needs bytes up to offset "
                            + "%d but the file ends at byte offset %d: the body is truncated",
                            path, t.name(), bodyStart + t.end(), size));
                }
                entries.add(t);
            }
            checkCoverage(path, entries, bodyLength, bodyStart);
            Map<String, Stored> out = new LinkedHashMap<>();
            for (TensorEntry t : entries) {
                out.put(t.name(), new Stored(t.shape(), t.decode(ch, bodyStart)));
            }
            return out;
        }
    }

    /**
     * A file another tool wrote that is not safetensors would otherwise be reported as an absurd
     * header length; name the format and the way to convert instead.
     */
    private static void recogniseForeignFormats(Path path, ByteBuffer first) throws CheckpointException {
        byte b0 = first.get(0);
        if (b0 == 'P' && first.get(1) == 'K' && first.get(2) == 3 && first.get(3) == 4) {
            throw new CheckpointException("checkpoint " + path + ": this is a zip archive, which is what torch.save "
                    + "writes, not a safetensors file (Tapegrad does not run Python's pickle); " + HOW_TO_CONVERT);
        }
        if ((b0 & 0xff) == 0x80 && first.get(1) >= 2 && first.get(1) <= 5) {
            throw new CheckpointException("checkpoint " + path + ": this is a Python pickle (protocol " + first.get(1)
                    + "), which is what older versions of torch.save write, not a safetensors file; "
                    + HOW_TO_CONVERT);
        }
    }

    /** The tensors' byte ranges must tile the body exactly, as the safetensors library requires. */
    private static void checkCoverage(Path path, List<TensorEntry> entries, long bodyLength, long bodyStart)
            throws CheckpointException {
        List<TensorEntry> sorted = new ArrayList<>(entries);
        sorted.sort((a, b) -> Long.compare(a.begin(), b.begin()));
        long at = 0;
        for (TensorEntry t : sorted) {
            if (t.begin() != at) {
                throw new CheckpointException(String.format("checkpoint %s: tensor data %s at byte offset %d "
                        + "(expected the next tensor to start at %d)", path,
                        t.begin() < at ? "overlaps" : "leaves a gap", bodyStart + Math.min(t.begin(), at),
                        bodyStart + at));
            }
            at = t.end();
        }
        if (at != bodyLength) {
            throw new CheckpointException(String.format("checkpoint %s: %d unused bytes after the last tensor, "
                    + "from byte offset %d", path, bodyLength - at, bodyStart + at));
        }
    }

    /** Exactly {@code length} bytes from {@code position}, little-endian; the file was checked to hold them. */
    static ByteBuffer read(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                throw new CheckpointException("checkpoint: the file ended at byte offset " + (position + b.position())
                        + " while reading; was it changed while being read?");
            }
        }
        return b.flip();
    }
}
