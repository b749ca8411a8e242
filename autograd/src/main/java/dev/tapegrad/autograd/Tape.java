package dev.tapegrad.autograd;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The record of one computation, in the order it ran; {@link Scalar#backward()} replays it in
 * reverse. Make a tape per computation (one training step), create leaves on it, compute, call
 * {@code backward()}, and drop it.
 *
 * <p>A tape is not thread-safe: it belongs to the thread that uses it. Tapes share nothing, so two
 * threads with a tape each never interfere.
 *
 * <p>Storage is a struct of arrays: a scalar node is one slot in a few primitive arrays (value, op
 * code, input ids; a constant operand lives in a side array only the nodes that have one use), so the
 * scalar path allocates nothing per op but its handle and about 17 bytes of tape.
 * A general {@link Op} gets an {@link Entry} beside its slot.
 */
public final class Tape {
    double[] value;
    byte[] code;
    int[] in0;
    int[] in1;
    /** The constant operands of {@code CONST_B} nodes, which hold their index in {@code in1}; grown only when used. */
    double[] consts = new double[0];
    int constCount;
    int size;
    Entry[] entries = new Entry[8];
    int entryCount;
    // Persistent values put on this tape: a short array searched by identity (a model of a few layers
    // has a handful of parameters, and a hash map per step cost more than the search), then a map.
    // Each leaf's version when it was copied is kept beside it, so a changed leaf is refused.
    private Leaf[] leafKeys;
    private Tensor[] leafTensors;
    private long[] leafVersions;
    private int leafCount;
    /** Index into the arrays above, once there are more leaves than a search should cover. */
    private Map<Leaf, Integer> leaves;
    /** Non-null only in anomaly mode, so the normal path pays one null check per node. */
    AnomalyMode anomaly;

    /** An empty tape. */
    public Tape() {
        int n = 16; // a tensor step records a dozen nodes; a scalar graph doubles its way up quickly
        value = new double[n];
        code = new byte[n];
        in0 = new int[n];
        in1 = new int[n];
    }

    /**
     * Turns anomaly mode on or off (PyTorch's {@code detect_anomaly}). While it is on, the tape
     * remembers where each node is recorded, and the first op whose forward or backward produces a NaN
     * or an infinity throws an {@link AnomalyException} naming the op, its input shapes and the line of
     * user code that recorded it. Recording is much slower while it is on; nodes recorded while it was
     * off have no recorded site. Returns this tape.
     */
    public Tape detectAnomaly(boolean on) {
        anomaly = on ? (anomaly == null ? new AnomalyMode() : anomaly) : null;
        return this;
    }

    /** Whether anomaly mode is on; see {@link #detectAnomaly(boolean)}. */
    public boolean isDetectingAnomaly() {
        return anomaly != null;
    }

    /** The number of nodes recorded so far (leaves, constants and op results). */
    public int size() {
        return size;
    }

    /**
     * The name of the op that recorded node {@code node} (nodes are numbered in recording order, from
     * 0 to {@link #size()} - 1), such as {@code sigmoid} or {@code linear}; {@code leaf} or
     * {@code constant} for an input. For tools that ask what ran, such as a diagnosis that looks for
     * the activations of a user's own layer. Does not modify the tape.
     *
     * @throws IllegalArgumentException if there is no such node
     */
    public String opName(int node) {
        checkArgument(node >= 0 && node < size, "opName: node %s is not on this tape (it has %s nodes)", node, size);
        return TapeView.opName(this, node);
    }

    // ---- scalar leaves

    /** A scalar variable: it gets a gradient. */
    public Scalar scalar(double v) {
        return new Scalar(this, push(Code.LEAF, -1, -1, v));
    }

    /** A scalar constant: no gradient is computed for it. */
    public Scalar constant(double v) {
        return new Scalar(this, push(Code.CONST, -1, -1, v));
    }

    // ---- tensor leaves

    /** A tensor variable (it gets a gradient) with these row-major values, copied. */
    public Tensor tensor(Shape shape, double... values) {
        return leafTensor("tensor", shape, values, true);
    }

    /** A tensor constant (no gradient) with these row-major values, copied. */
    public Tensor constant(Shape shape, double... values) {
        return leafTensor("constant", shape, values, false);
    }

    /** A variable of zeros. */
    public Tensor zeros(int... dims) {
        return filled("zeros", shapeOf("zeros", dims), 0.0);
    }

    /** A variable of zeros. */
    public Tensor zeros(Shape shape) {
        return filled("zeros", shape, 0.0);
    }

    /** A variable of ones. */
    public Tensor ones(int... dims) {
        return filled("ones", shapeOf("ones", dims), 1.0);
    }

    /** A variable of ones. */
    public Tensor ones(Shape shape) {
        return filled("ones", shape, 1.0);
    }

    /** A variable with every element {@code v}. */
    public Tensor full(Shape shape, double v) {
        return filled("full", shape, v);
    }

    private Tensor filled(String op, Shape shape, double v) {
        if (shape == null) { // not requireNonNull with a capturing lambda: that allocates per call
            throw new NullPointerException(op + ": shape");
        }
        double[] x = new double[shape.size()];
        Arrays.fill(x, v);
        return owned(shape, x, true);
    }

    /** The shape of a factory's {@code dims} argument, which must not be null. */
    private static Shape shapeOf(String op, int[] dims) {
        if (dims == null) {
            throw new NullPointerException(op + ": dims");
        }
        return Shape.of(dims);
    }

    /** The variable {@code [0, 1, ..., n-1]}, like {@code torch.arange(n)}. */
    public Tensor arange(int n) {
        return arange(0, n, 1);
    }

    /** The variable {@code [start, start + 1, ...]} of the values below {@code end}, like {@code torch.arange(start, end)}. */
    public Tensor arange(double start, double end) {
        return arange(start, end, 1);
    }

    /**
     * The variable {@code [start, start + step, ...]} of the values below {@code end} (above it for a
     * negative step), like {@code torch.arange(start, end, step)}.
     */
    public Tensor arange(double start, double end, double step) {
        checkArgument(step != 0 && Double.isFinite(step), "arange: step must be finite and non-zero, got %s", step);
        checkArgument(Double.isFinite(start) && Double.isFinite(end), "arange: bounds must be finite, got %s to %s",
                start, end);
        double count = Math.ceil((end - start) / step);
        checkArgument(count >= 0, "arange: end %s lies on the wrong side of start %s for step %s (as in torch.arange); "
                + "use a negative step to count down", end, start, step);
        checkArgument(count < Integer.MAX_VALUE, "arange: %s to %s by %s has too many elements", start, end, step);
        int n = (int) Math.max(0, count);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = start + i * step;
        }
        return owned(Shape.of(n), x, true);
    }

    /** A variable of uniform samples in {@code [0, 1)} drawn from {@code rng} in row-major order. */
    public Tensor rand(RandomGenerator rng, int... dims) {
        return rand(rng, shapeOf("rand", dims));
    }

    /** A variable of uniform samples in {@code [0, 1)} drawn from {@code rng} in row-major order. */
    public Tensor rand(RandomGenerator rng, Shape shape) {
        Objects.requireNonNull(rng, "rand: rng");
        Objects.requireNonNull(shape, "rand: shape");
        double[] x = new double[shape.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble();
        }
        return owned(shape, x, true);
    }

    /** A variable of standard normal samples drawn from {@code rng} in row-major order. */
    public Tensor randn(RandomGenerator rng, int... dims) {
        return randn(rng, shapeOf("randn", dims));
    }

    /** A variable of standard normal samples drawn from {@code rng} in row-major order. */
    public Tensor randn(RandomGenerator rng, Shape shape) {
        Objects.requireNonNull(rng, "randn: rng");
        Objects.requireNonNull(shape, "randn: shape");
        double[] x = new double[shape.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        return owned(shape, x, true);
    }

    /**
     * The variable for a persistent value on this tape: the first call copies its values onto the
     * tape, later calls return the same tensor, so a value used in several places gets one gradient
     * (read it with {@link Gradients#of(Leaf)}). Does not modify the leaf.
     *
     * @throws IllegalStateException if the leaf changed (its {@link Leaf#version()}) after it was put
     *     on this tape: the tape holds its old values, so make a new tape per step
     */
    public Tensor leaf(Leaf leaf) {
        Objects.requireNonNull(leaf, "leaf");
        Tensor t = leafOrNull(leaf, "cannot be put on this tape again");
        if (t == null) {
            long version = leaf.version();
            t = leafTensor("leaf", leaf.shape(), leaf.values(), true);
            if (leafKeys == null) {
                leafKeys = new Leaf[4];
                leafTensors = new Tensor[4];
                leafVersions = new long[4];
            } else if (leafCount == leafKeys.length) {
                leafKeys = Arrays.copyOf(leafKeys, 2 * leafCount);
                leafTensors = Arrays.copyOf(leafTensors, 2 * leafCount);
                leafVersions = Arrays.copyOf(leafVersions, 2 * leafCount);
            }
            leafKeys[leafCount] = leaf;
            leafTensors[leafCount] = t;
            leafVersions[leafCount] = version;
            if (leaves == null && leafCount == LINEAR_LEAVES) {
                leaves = new IdentityHashMap<>(4 * LINEAR_LEAVES);
                for (int i = 0; i < leafCount; i++) {
                    leaves.put(leafKeys[i], i);
                }
            }
            if (leaves != null) {
                leaves.put(leaf, leafCount);
            }
            leafCount++;
        }
        return t;
    }

    private static final int LINEAR_LEAVES = 16;

    /** The tensor a leaf became on this tape, or {@code null} if it was never put on it. */
    Tensor leafOrNull(Leaf leaf) {
        int i = leafIndex(leaf);
        return i < 0 ? null : leafTensors[i];
    }

    /**
     * As {@link #leafOrNull(Leaf)}, for a use that needs the leaf unchanged since it was put on this
     * tape.
     *
     * @param refused what cannot be done with a changed leaf, for the message
     * @throws IllegalStateException naming the leaf if its version changed since
     */
    Tensor leafOrNull(Leaf leaf, String refused) {
        int i = leafIndex(leaf);
        if (i < 0) {
            return null;
        }
        if (leaf.version() != leafVersions[i]) {
            throw new IllegalStateException(String.format("parameter '%s' changed (an optimizer step, copyFrom or a "
                    + "checkpoint load) after it was put on this tape, so it %s: the tape holds its old values. "
                    + "Make a new Tape per step (one tape per forward and backward)", leaf.name(), refused));
        }
        return leafTensors[i];
    }

    private int leafIndex(Leaf leaf) {
        if (leaves != null) {
            Integer i = leaves.get(leaf);
            return i == null ? -1 : i;
        }
        for (int i = 0; i < leafCount; i++) {
            if (leafKeys[i] == leaf) {
                return i;
            }
        }
        return -1;
    }

    private Tensor leafTensor(String op, Shape shape, double[] values, boolean variable) {
        // Messages are built only on failure: this runs for every tensor leaf of every step.
        if (shape == null || values == null) {
            throw new NullPointerException(op + (shape == null ? ": shape" : ": values"));
        }
        if (values.length != shape.size()) {
            throw new IllegalArgumentException(String.format("%s: shape %s needs %s values, got %s",
                    op, shape, shape.size(), values.length));
        }
        return owned(shape, values.clone(), variable);
    }

    /** Records a leaf that takes ownership of {@code values}. */
    private Tensor owned(Shape shape, double[] values, boolean variable) {
        OpCall call = new OpCall(NO_VALUES, NO_SHAPES, NO_FLAGS, shape);
        call.setOutput(values);
        int id = pushEntry(new Entry(null, NO_IDS, call, variable), shape.isScalar() ? values[0] : 0);
        return new Tensor(this, id, shape);
    }

    // A leaf has no inputs. Empty arrays cannot change, so every leaf shares these.
    private static final double[][] NO_VALUES = new double[0][];
    private static final Shape[] NO_SHAPES = new Shape[0];
    private static final boolean[] NO_FLAGS = new boolean[0];
    private static final int[] NO_IDS = new int[0];

    // ---- recording

    /**
     * Runs {@code op} on {@code inputs} and records it. Returns a {@link Scalar} for an output of
     * shape {@code []}, else a {@link Tensor}.
     */
    Node record(Op op, Node... inputs) {
        Objects.requireNonNull(op, "op");
        int n = inputs.length;
        int[] ids = new int[n];
        double[][] vals = new double[n][];
        Shape[] shapes = new Shape[n];
        boolean[] needs = new boolean[n];
        boolean any = false;
        for (int k = 0; k < n; k++) {
            Node x = inputs[k];
            if (x == null) {
                throw new NullPointerException(op.name() + ": input " + k + " is null");
            }
            if (x.tape() != this) { // op.name() is a megamorphic call: only on failure
                checkSameTape(op.name(), x);
            }
            int id = idOf(x);
            ids[k] = id;
            vals[k] = valuesOf(id);
            shapes[k] = shapeOf(id);
            needs[k] = requiresGrad(id);
            any |= needs[k];
        }
        Shape out = op.outputShape(shapes.clone());
        if (out == null) { // not requireNonNull with a lambda: that allocates on every op
            throw new NullPointerException(op.name() + ": outputShape returned null");
        }
        OpCall call = new OpCall(vals, shapes, needs, out);
        double[] y = op.forward(call);
        if (y == null || y.length != out.size()) {
            throw new IllegalStateException(String.format("%s: forward returned %s values for output shape %s (%s)",
                    op.name(), y == null ? "null instead of" : y.length, out, out.size()));
        }
        call.setOutput(y);
        int id = pushEntry(new Entry(op, ids, call, any), out.isScalar() ? y[0] : 0);
        return out.isScalar() ? new Scalar(this, id) : new Tensor(this, id, out);
    }

    /**
     * Checks that {@code x} was recorded on this tape, for code that combines nodes before it records
     * an op (so that a mixed-tape call fails before anything is recorded).
     *
     * @throws IllegalArgumentException naming {@code op} when {@code x} belongs to another tape
     */
    public void checkSameTape(String op, Node x) {
        if (x == null) {
            throw new NullPointerException(op + ": an input is null");
        }
        if (x.tape() != this) {
            throw new IllegalArgumentException(op + ": operands were recorded on different tapes; "
                    + "an op's inputs must all come from one Tape (make them on the same tape, or copy values with constant(...))");
        }
    }

    private static int idOf(Node x) {
        return x instanceof Scalar s ? s.id : ((Tensor) x).id;
    }

    private int pushEntry(Entry e, double scalarValue) {
        if (entryCount == entries.length) {
            entries = Arrays.copyOf(entries, entryCount * 2);
        }
        entries[entryCount] = e;
        return push(Code.GENERIC, entryCount++, -1, scalarValue);
    }

    /** Appends one node; the scalar path's only cost besides its handle. */
    int push(byte c, int a, int b, double v) {
        int i = size;
        if (i == value.length) {
            grow();
        }
        value[i] = v;
        code[i] = c;
        in0[i] = a;
        in1[i] = b;
        size = i + 1;
        if (anomaly != null) {
            anomaly.recorded(this, i);
        }
        return i;
    }

    /** Appends a {@code CONST_B} node: input {@code a} and the constant operand {@code constant}. */
    int pushWithConstant(byte c, int a, double constant, double v) {
        int k = constCount;
        if (k == consts.length) {
            consts = Arrays.copyOf(consts, Math.max(4, k * 2));
        }
        consts[k] = constant;
        constCount = k + 1;
        return push(c, a, k, v);
    }

    /** The constant operand of a {@code CONST_B} node. */
    double constantOf(int id) {
        return consts[in1[id]];
    }

    private void grow() {
        int n = value.length * 2;
        value = Arrays.copyOf(value, n);
        code = Arrays.copyOf(code, n);
        in0 = Arrays.copyOf(in0, n);
        in1 = Arrays.copyOf(in1, n);
    }

    // ---- reading nodes

    Entry entryOf(int id) {
        return code[id] == Code.GENERIC ? entries[in0[id]] : null;
    }

    /** The node's values; the tape's own array for a tensor (read only), a new one for a scalar. */
    double[] valuesOf(int id) {
        Entry e = entryOf(id);
        return e != null && !e.shape().isScalar() ? e.values() : new double[] {value[id]};
    }

    Shape shapeOf(int id) {
        Entry e = entryOf(id);
        return e == null ? Shape.of() : e.shape();
    }

    boolean requiresGrad(int id) {
        byte c = code[id];
        return c == Code.GENERIC ? entries[in0[id]].requiresGrad : c != Code.CONST;
    }
}
