package dev.tapegrad.nn;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.nn.CheckpointReader.Stored;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
    private static final int LENGTH_BYTES = CheckpointReader.LENGTH_BYTES;
    private static final String METADATA = CheckpointReader.METADATA;

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
        for (String name : parameters.keySet()) {
            checkStorable(name);
        }
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
        CheckpointWriter.replace(path.toAbsolutePath(), buf, writer);
    }

    /**
     * Loads the model's parameters by the names {@link Layer#namedParameters()} gives them; see
     * {@link #load(Path, Map)}.
     */
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
        Map<String, Stored> stored = CheckpointReader.readAll(path);
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
        for (Map.Entry<String, Stored> e : CheckpointReader.readAll(path).entrySet()) {
            out.put(e.getKey(), new Parameter(e.getKey(), e.getValue().shape(), e.getValue().values()));
        }
        return out;
    }


    /**
     * A name the format can hold and {@link #load} gives back: not the metadata key (load skips it),
     * and valid UTF-16, so that UTF-8 can encode it (an unpaired surrogate would be written as '?').
     */
    private static void checkStorable(String name) {
        checkArgument(!name.equals(METADATA), "checkpoint: a tensor cannot be named '%s': the name is reserved; "
                + "safetensors keeps the file's metadata under that key, so load would never see it; rename the "
                + "parameter", METADATA);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(String.format("checkpoint: the name '%s' has an unpaired UTF-16 "
                        + "surrogate \\u%04X at index %d, which UTF-8 cannot encode (the file would hold '?' and "
                        + "load would not find it); rename the parameter", name, (int) c, i));
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
}
