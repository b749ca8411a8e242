package dev.tapegrad.nn;

import dev.tapegrad.autograd.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One tensor's entry in a safetensors header, checked: a known dtype, a shape of non-negative
 * integers, and data offsets {@code [begin, end]} whose length is the shape's size times the dtype's
 * width.
 */
record TensorEntry(String name, String dtype, Shape shape, long begin, long end) {

    static TensorEntry of(Path path, String name, Object json) throws CheckpointException {
        String where = "checkpoint " + path + ": tensor '" + name + "'";
        if (!(json instanceof Map<?, ?> m)) {
            throw new CheckpointException(where + ": header entry is not an object");
        }
        for (Object key : m.keySet()) {
            if (!List.of("dtype", "shape", "data_offsets").contains(key)) {
                throw new CheckpointException(where + ": unknown header field \"" + key + "\"");
            }
        }
        if (!(m.get("dtype") instanceof String dtype)) {
            throw new CheckpointException(where + ": \"dtype\" is missing or not a string");
        }
        if (!dtype.equals("F64") && !dtype.equals("F32")) {
            throw new CheckpointException(where + ": dtype " + dtype + " is not supported (F64 or F32)");
        }
        long[] dims = longs(where, "shape", m.get("shape"), -1);
        long size = 1;
        int[] intDims = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] > Integer.MAX_VALUE || (size *= dims[i]) > Integer.MAX_VALUE) {
                throw new CheckpointException(where + ": shape is too large");
            }
            intDims[i] = (int) dims[i];
        }
        long[] offsets = longs(where, "data_offsets", m.get("data_offsets"), 2);
        long width = dtype.equals("F64") ? 8 : 4;
        if (offsets[1] < offsets[0] || offsets[1] - offsets[0] != size * width) {
            throw new CheckpointException(String.format("%s: data_offsets [%d, %d] span %d bytes but shape %s of %s "
                    + "needs %d", where, offsets[0], offsets[1], offsets[1] - offsets[0], Shape.of(intDims), dtype,
                    size * width));
        }
        return new TensorEntry(name, dtype, Shape.of(intDims), offsets[0], offsets[1]);
    }

    /**
     * The values, widened to double, read from the body starting at {@code bodyStart} in pieces of at
     * most a mebibyte, so a tensor never needs a second copy of its bytes. The range was checked
     * against the file's size.
     */
    double[] decode(FileChannel ch, long bodyStart) throws IOException {
        boolean f64 = dtype.equals("F64");
        int width = f64 ? 8 : 4;
        double[] v = new double[shape.size()];
        int perChunk = (1 << 20) / width;
        for (int from = 0; from < v.length; from += perChunk) {
            int n = Math.min(perChunk, v.length - from);
            ByteBuffer b = CheckpointReader.read(ch, bodyStart + begin + (long) from * width, n * width);
            for (int i = 0; i < n; i++) {
                v[from + i] = f64 ? b.getDouble() : b.getFloat();
            }
        }
        return v;
    }

    private static long[] longs(String where, String field, Object json, int length) throws CheckpointException {
        if (!(json instanceof List<?> list) || (length >= 0 && list.size() != length)) {
            throw new CheckpointException(where + ": \"" + field + "\" is missing or not "
                    + (length >= 0 ? "a list of " + length + " integers" : "a list of integers"));
        }
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Long v) || v < 0) {
                throw new CheckpointException(where + ": \"" + field + "\" element " + i + " is " + list.get(i)
                        + ", not a non-negative integer");
            }
            out[i] = v;
        }
        return out;
    }
}
