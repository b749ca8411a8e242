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
import java.util.IdentityHashMap;
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

    /**
     * Saves the model's parameters under the names {@link Layer#namedParameters()} gives them, such as
     * {@code 0.weight}; see {@link #save(Path, Map)}.
     */
    public static void save(Path path, Layer model) throws IOException {
        save(path, Objects.requireNonNull(model, "checkpoint: model").namedParameters());
    }

    /**
     * Saves standalone parameters under their own names ({@link Parameter#name()}); see
     * {@link #save(Path, Map)}. A model's parameters are named by their place in the model: save the
     * model itself instead.
     *
     * @throws IllegalArgumentException if two parameters share a name
     */
    public static void save(Path path, List<Parameter> parameters) throws IOException {
        save(path, byOwnName(parameters));
    }

    /**
     * Writes the parameters to {@code path} as {@code F64} tensors under the map's names, in the map's
     * order (PyTorch's {@code save_file(model.state_dict(), path)}). Writes a temporary file beside it,
     * forces it to disk and renames it over {@code path}, so a crash leaves either the old file or the
     * new one, never half of one. Does not modify the parameters.
     *
     * @throws NoSuchFileException naming {@code path} and its directory if that directory is missing
     * @throws IOException naming {@code path} if writing fails; the file there is then unchanged and no
     *     temporary file is left
     * @throws IllegalArgumentException if {@code path} is a directory, or a name cannot be stored
     */
    public static void save(Path path, Map<String, Parameter> parameters) throws IOException {
        save(path, parameters, WRITE_ALL);
    }

    /** As {@link #save(Path, Map)}, writing the bytes with {@code writer} (a test makes it fail half-way). */
    static void save(Path path, Map<String, Parameter> parameters, ChannelWriter writer) throws IOException {
        Objects.requireNonNull(path, "checkpoint: path");
        checkNamed(parameters);
        checkFilePath(path);
        StringBuilder json = new StringBuilder("{\"" + METADATA + "\":{\"format\":\"pt\"}");
        long offset = 0;
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            Parameter p = e.getValue();
            long end = offset + 8L * p.size();
            json.append(',').append(HeaderJson.quote(e.getKey())).append(":{\"dtype\":\"F64\",\"shape\":[");
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
        for (Parameter p : parameters.values()) {
            for (double v : p.data()) {
                buf.putDouble(v);
            }
        }
        buf.flip();
        writeAtomically(path.toAbsolutePath(), buf, writer);
    }

    /** Loads the model's parameters by the names {@link Layer#namedParameters()} gives them; see {@link #load(Path, Map)}. */
    public static void load(Path path, Layer model) throws IOException {
        load(path, Objects.requireNonNull(model, "checkpoint: model").namedParameters());
    }

    /** Loads standalone parameters by their own names ({@link Parameter#name()}); see {@link #load(Path, Map)}. */
    public static void load(Path path, List<Parameter> parameters) throws IOException {
        load(path, byOwnName(parameters));
    }

    /**
     * Overwrites each parameter with the tensor of its name in {@code path}. The file must hold
     * exactly these names (no missing, no extra tensors) with the same shapes; every check runs before
     * any parameter changes, so on an error no parameter has changed.
     *
     * @throws CheckpointException naming the tensor or byte offset if the file is malformed, truncated
     *     or does not match the parameters
     */
    public static void load(Path path, Map<String, Parameter> parameters) throws IOException {
        checkNamed(parameters);
        Map<String, Stored> stored = readAll(path);
        Set<String> missing = new TreeSet<>(parameters.keySet());
        missing.removeAll(stored.keySet());
        Set<String> extra = new TreeSet<>(stored.keySet());
        extra.removeAll(parameters.keySet());
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new CheckpointException("checkpoint " + path + ": "
                    + (missing.isEmpty() ? "" : "missing tensor(s) " + missing + (extra.isEmpty() ? "" : "; "))
                    + (extra.isEmpty() ? "" : "unexpected tensor(s) " + extra + " not in the model"));
        }
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            Stored s = stored.get(e.getKey());
            if (!s.shape().equals(e.getValue().shape())) {
                throw new CheckpointException(String.format("checkpoint %s: tensor '%s' has shape %s in the file "
                        + "but %s in the model", path, e.getKey(), s.shape(), e.getValue().shape()));
            }
        }
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            double[] v = stored.get(e.getKey()).values();
            Parameter p = e.getValue();
            System.arraycopy(v, 0, p.data(), 0, v.length);
            p.changed();
        }
    }

    /** Standalone parameters under their own names; two of one name cannot be told apart in a file. */
    private static Map<String, Parameter> byOwnName(List<Parameter> parameters) {
        Objects.requireNonNull(parameters, "checkpoint: parameters");
        Map<String, Parameter> named = new LinkedHashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            if (p == null) {
                throw new NullPointerException("checkpoint: parameter " + i + " is null");
            }
            checkArgument(named.put(p.name(), p) == null, "checkpoint: two parameters are named '%s'; the parameters "
                    + "of a model are named by their place in it, so save or load the model itself "
                    + "(Checkpoint.save(path, model)) or its namedParameters()", p.name());
        }
        return named;
    }

    private static void checkNamed(Map<String, Parameter> parameters) {
        Objects.requireNonNull(parameters, "checkpoint: parameters");
        Map<Parameter, String> seen = new IdentityHashMap<>();
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            String name = Objects.requireNonNull(e.getKey(), "checkpoint: a parameter name is null");
            Parameter p = e.getValue();
            if (p == null) {
                throw new NullPointerException("checkpoint: parameter '" + name + "' is null");
            }
            String other = seen.put(p, name);
            checkArgument(other == null, "checkpoint: one parameter appears as both '%s' and '%s'", other, name);
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
