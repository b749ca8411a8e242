package dev.tapegrad.nn;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Saves and loads parameters in the safetensors format, so PyTorch ({@code safetensors.torch.load_file})
 * reads what Tapegrad saves and the other way round: an 8-byte little-endian header length, a JSON
 * header mapping each parameter name to {@code {"dtype": "F64", "shape": [...], "data_offsets": [begin,
 * end]}}, then the little-endian values. Saving and loading are bit-exact for {@code F64}; loading also
 * accepts {@code F32} (widened exactly), as PyTorch saves by default.
 */
public final class Checkpoint {
    private static final int LENGTH_BYTES = 8;
    /** The safetensors library's own limit; a larger length means a corrupt file, not a big model. */
    private static final long MAX_HEADER = 100L * 1024 * 1024;
    private static final String METADATA = "__metadata__";

    private Checkpoint() {}

    /** Saves the model's parameters under their names; see {@link #save(Path, List)}. */
    public static void save(Path path, Layer model) throws IOException {
        save(path, Objects.requireNonNull(model, "checkpoint: model").parameters());
    }

    /**
     * Writes the parameters to {@code path} as {@code F64} tensors, in list order. Writes a temporary
     * file beside it, forces it to disk and renames it over {@code path}, so a crash leaves either the
     * old file or the new one, never half of one. Does not modify the parameters.
     *
     * @throws NoSuchFileException naming {@code path} and its directory if that directory is missing
     * @throws IOException naming {@code path} if writing fails; the file there is then unchanged and no
     *     temporary file is left
     * @throws IllegalArgumentException if two parameters share a name
     */
    public static void save(Path path, List<Parameter> parameters) throws IOException {
        save(path, parameters, WRITE_ALL);
    }

    /** As {@link #save(Path, List)}, writing the bytes with {@code writer} (a test makes it fail half-way). */
    static void save(Path path, List<Parameter> parameters, ChannelWriter writer) throws IOException {
        Objects.requireNonNull(path, "checkpoint: path");
        Objects.requireNonNull(parameters, "checkpoint: parameters");
        checkNoNulls(parameters);
        checkFilePath(path);
        Set<String> names = new HashSet<>();
        StringBuilder json = new StringBuilder("{\"" + METADATA + "\":{\"format\":\"pt\"}");
        long offset = 0;
        for (Parameter p : parameters) {
            checkArgument(names.add(p.name()), "checkpoint: two parameters are named '%s'", p.name());
            long end = offset + 8L * p.size();
            json.append(',').append(HeaderJson.quote(p.name())).append(":{\"dtype\":\"F64\",\"shape\":[");
            int[] dims = p.shape().dims();
            for (int i = 0; i < dims.length; i++) {
                json.append(i == 0 ? "" : ",").append(dims[i]);
            }
            json.append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
            offset = end;
        }
        json.append('}');
        byte[] header = json.toString().getBytes(StandardCharsets.UTF_8);
        // Pad with spaces so the data starts 8-byte aligned, as the safetensors library writes it.
        int padded = (header.length + 7) / 8 * 8;
        checkArgument(LENGTH_BYTES + padded + offset <= Integer.MAX_VALUE, "checkpoint: %s bytes of data is too large",
                offset);
        ByteBuffer buf = ByteBuffer.allocate((int) (LENGTH_BYTES + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(padded).put(header);
        for (int i = header.length; i < padded; i++) {
            buf.put((byte) ' ');
        }
        for (Parameter p : parameters) {
            for (double v : p.data()) {
                buf.putDouble(v);
            }
        }
        buf.flip();
        writeAtomically(path.toAbsolutePath(), buf, writer);
    }

    /** Loads the model's parameters by name; see {@link #load(Path, List)}. */
    public static void load(Path path, Layer model) throws IOException {
        load(path, Objects.requireNonNull(model, "checkpoint: model").parameters());
    }

    /**
     * Overwrites the parameters with the tensors of the same names in {@code path}. The file must hold
     * exactly these names (no missing, no extra tensors) with the same shapes; every check runs before
     * any parameter changes, so on an error no parameter has changed.
     *
     * @throws CheckpointException naming the tensor or byte offset if the file is malformed, truncated
     *     or does not match the parameters
     */
    public static void load(Path path, List<Parameter> parameters) throws IOException {
        Objects.requireNonNull(parameters, "checkpoint: parameters");
        checkNoNulls(parameters);
        Map<String, Parameter> byName = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            checkArgument(byName.put(p.name(), p) == null, "checkpoint: two parameters are named '%s'", p.name());
        }
        Map<String, Stored> stored = readAll(path);
        Set<String> missing = new TreeSet<>(byName.keySet());
        missing.removeAll(stored.keySet());
        Set<String> extra = new TreeSet<>(stored.keySet());
        extra.removeAll(byName.keySet());
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new CheckpointException("checkpoint " + path + ": "
                    + (missing.isEmpty() ? "" : "missing tensor(s) " + missing + (extra.isEmpty() ? "" : "; "))
                    + (extra.isEmpty() ? "" : "unexpected tensor(s) " + extra + " not in the model"));
        }
        for (Parameter p : parameters) {
            Stored s = stored.get(p.name());
            if (!s.shape().equals(p.shape())) {
                throw new CheckpointException(String.format("checkpoint %s: tensor '%s' has shape %s in the file "
                        + "but %s in the model", path, p.name(), s.shape(), p.shape()));
            }
        }
        for (Parameter p : parameters) {
            double[] v = stored.get(p.name()).values();
            System.arraycopy(v, 0, p.data(), 0, v.length);
            p.changed();
        }
    }

    /**
     * Reads every tensor of a checkpoint, in file order, as new parameters named as in the file;
     * {@code __metadata__} is skipped.
     *
     * @throws CheckpointException naming the tensor or byte offset if the file is malformed or truncated
     */
    public static Map<String, Parameter> read(Path path) throws IOException {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (Map.Entry<String, Stored> e : readAll(path).entrySet()) {
            out.put(e.getKey(), new Parameter(e.getKey(), e.getValue().shape(), e.getValue().values()));
        }
        return out;
    }

    private record Stored(Shape shape, double[] values) {}

    private static void checkNoNulls(List<Parameter> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i) == null) {
                throw new NullPointerException("checkpoint: parameter " + i + " is null");
            }
        }
    }

    /** A save target must name a file: not a directory, not a file system's root. */
    private static void checkFilePath(Path path) {
        Path absolute = path.toAbsolutePath();
        checkArgument(absolute.getFileName() != null && !Files.isDirectory(absolute),
                "checkpoint: cannot save to %s: it is a directory; name a file in it, such as %s", path,
                absolute.resolve("model.safetensors"));
    }

    private static Map<String, Stored> readAll(Path path) throws IOException {
        Objects.requireNonNull(path, "checkpoint: path");
        byte[] file = Files.readAllBytes(path);
        if (file.length < LENGTH_BYTES) {
            throw new CheckpointException("checkpoint " + path + ": file is " + file.length
                    + " bytes; it must start with an 8-byte header length (byte offset 0)");
        }
        long headerLength = ByteBuffer.wrap(file, 0, LENGTH_BYTES).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLength < 2 || headerLength > MAX_HEADER || headerLength > file.length - LENGTH_BYTES) {
            throw new CheckpointException("checkpoint " + path + ": header length " + Long.toUnsignedString(headerLength)
                    + " at byte offset 0 does not fit a file of " + file.length + " bytes");
        }
        int bodyStart = LENGTH_BYTES + (int) headerLength;
        byte[] headerBytes = java.util.Arrays.copyOfRange(file, LENGTH_BYTES, bodyStart);
        Map<String, Object> header;
        try {
            header = HeaderJson.parseObject(headerBytes, LENGTH_BYTES);
        } catch (CheckpointException e) {
            throw new CheckpointException(path + ": " + e.getMessage());
        }
        long bodyLength = file.length - bodyStart;
        Map<String, Stored> out = new LinkedHashMap<>();
        List<long[]> ranges = new ArrayList<>();
        for (Map.Entry<String, Object> e : header.entrySet()) {
            if (e.getKey().equals(METADATA)) {
                continue;
            }
            TensorEntry t = TensorEntry.of(path, e.getKey(), e.getValue());
            if (t.end() > bodyLength) {
                throw new CheckpointException(String.format("checkpoint %s: tensor '%s' needs bytes up to offset %d "
                                + "but the file ends at byte offset %d: the body is truncated",
                        path, t.name(), bodyStart + t.end(), file.length));
            }
            ranges.add(new long[] {t.begin(), t.end()});
            out.put(t.name(), new Stored(t.shape(), t.decode(file, bodyStart)));
        }
        checkCoverage(path, ranges, bodyLength, bodyStart);
        return out;
    }

    /** The tensors' byte ranges must tile the body exactly, as the safetensors library requires. */
    private static void checkCoverage(Path path, List<long[]> ranges, long bodyLength, int bodyStart)
            throws CheckpointException {
        ranges.sort((a, b) -> Long.compare(a[0], b[0]));
        long at = 0;
        for (long[] r : ranges) {
            if (r[0] != at) {
                throw new CheckpointException(String.format("checkpoint %s: tensor data %s at byte offset %d "
                        + "(expected the next tensor to start at %d)", path,
                        r[0] < at ? "overlaps" : "leaves a gap", bodyStart + Math.min(r[0], at), bodyStart + at));
            }
            at = r[1];
        }
        if (at != bodyLength) {
            throw new CheckpointException(String.format("checkpoint %s: %d unused bytes after the last tensor, "
                    + "from byte offset %d", path, bodyLength - at, bodyStart + at));
        }
    }

    /** Writes a buffer to an open channel; a seam so a test can make the write fail half-way. */
    @FunctionalInterface
    interface ChannelWriter {
        void write(FileChannel channel, ByteBuffer data) throws IOException;
    }

    private static final ChannelWriter WRITE_ALL = (ch, data) -> {
        while (data.hasRemaining()) {
            ch.write(data);
        }
    };

    /**
     * Writes {@code data} to a temporary file beside {@code path} and renames it over {@code path}. On
     * any failure the temporary file is deleted and {@code path} is left as it was; the error names
     * {@code path}, not the temporary file the caller never asked for.
     */
    private static void writeAtomically(Path path, ByteBuffer data, ChannelWriter writer) throws IOException {
        Path dir = path.getParent();
        if (!Files.isDirectory(dir)) {
            String why = Files.exists(dir) ? "is not a directory" : "does not exist; create it first "
                    + "(Files.createDirectories)";
            throw new NoSuchFileException(path.toString(), null, "checkpoint: cannot save " + path + ": the directory "
                    + dir + " " + why);
        }
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + path.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw new IOException("checkpoint: cannot save " + path + ": cannot create a temporary file in " + dir
                    + " (" + e + ")", e);
        }
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                writer.write(ch, data);
                ch.force(true);
            }
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IOException("checkpoint: saving " + path + " failed, the file there is unchanged (" + e + ")", e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
