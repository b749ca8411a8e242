package dev.tapegrad.autograd;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.internal.Backward;
import dev.tapegrad.autograd.internal.Code;
import dev.tapegrad.autograd.internal.Entry;
import dev.tapegrad.autograd.internal.Handles;
import dev.tapegrad.autograd.internal.Recording;
import dev.tapegrad.autograd.internal.SymbolicBackward;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The record of one computation, in the order it ran; {@link Scalar#backward()} replays it in
 * reverse. Make a tape per computation (one training step), create leaves on it, compute, call
 * {@code backward()}, and drop it.
 *
 * <p>A tape is not thread-safe: it belongs to the thread that uses it. Tapes share nothing, so two
 * threads with a tape each never interfere.
 *
 * <p>A scalar op costs a few array stores and its handle; a tensor op, one entry. {@link #node(int)}
 * gives a read-only view of any recorded node, for tools.
 */
public final class Tape {
    /** The recording: the engine's struct of arrays. */
    final Recording rec = new Recording();
    /** Persistent values put on this tape, each with its version when it was copied. */
    private final LeafTable leaves = new LeafTable();
    private final Handles handles = new TapeHandles(this); // ids to handles and back, for the recording sweep
    /** Non-null only in anomaly mode, so the normal path pays one null check per node. */
    AnomalyMode anomaly;

    /** An empty tape. */
    public Tape() {}

    /**
     * Turns anomaly mode on or off (PyTorch's {@code detect_anomaly}). While it is on, the tape
     * remembers where each node is recorded, and the first op whose forward or backward produces a NaN
     * or an infinity throws an {@link AnomalyException} naming the op, its input shapes and the line of
     * user code that recorded it. Recording is much slower while it is on; nodes recorded while it was
     * off have no recorded site. Returns this tape.
     */
    public Tape detectAnomaly(boolean on) {
        anomaly = on ? (anomaly == null ? new AnomalyMode(this) : anomaly) : null;
        rec.setListener(anomaly);
        return this;
    }

    /** Whether anomaly mode is on; see {@link #detectAnomaly(boolean)}. */
    public boolean isDetectingAnomaly() {
        return anomaly != null;
    }

    /** The number of nodes recorded so far (leaves, constants and op results). */
    public int size() {
        return rec.size;
    }

    // ---- scalar leaves

    /** A scalar variable: it gets a gradient. */
    public Scalar scalar(double v) {
        return new Scalar(this, rec.push(Code.LEAF, -1, -1, v));
    }

    /** A scalar constant: no gradient is computed for it. */
    public Scalar constant(double v) {
        return new Scalar(this, rec.push(Code.CONST, -1, -1, v));
    }

    // ---- tensor leaves

    /** A tensor variable (it gets a gradient) with these row-major values, copied. */
    public Tensor tensor(Shape shape, double... values) {
        return leafTensor("tensor", shape, values, true, true);
    }

    /** A tensor constant (no gradient) with these row-major values, copied. */
    public Tensor constant(Shape shape, double... values) {
        return leafTensor("constant", shape, values, false, true);
    }

    /**
     * A tensor variable {@code [rows, columns]} from these rows, copied: {@code rows[i][j]} is element
     * {@code (i, j)} (PyTorch's {@code torch.tensor(rows, requires_grad=True)}).
     *
     * @throws IllegalArgumentException if there are no rows or they differ in length
     */
    public Tensor tensor(double[][] rows) {
        return owned(Rows.shape("tensor", rows), Rows.flatten(rows), true);
    }

    /**
     * A tensor constant {@code [rows, columns]} from these rows, copied: {@code rows[i][j]} is element
     * {@code (i, j)} (PyTorch's {@code torch.tensor(rows)}).
     *
     * @throws IllegalArgumentException if there are no rows or they differ in length
     */
    public Tensor constant(double[][] rows) {
        return owned(Rows.shape("constant", rows), Rows.flatten(rows), false);
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
        return drawn("rand", rng, shape, false);
    }

    /** A variable of standard normal samples drawn from {@code rng} in row-major order. */
    public Tensor randn(RandomGenerator rng, int... dims) {
        return randn(rng, shapeOf("randn", dims));
    }

    /** A variable of standard normal samples drawn from {@code rng} in row-major order. */
    public Tensor randn(RandomGenerator rng, Shape shape) {
        return drawn("randn", rng, shape, true);
    }

    private Tensor drawn(String op, RandomGenerator rng, Shape shape, boolean gaussian) {
        Objects.requireNonNull(rng, op + ": rng");
        Objects.requireNonNull(shape, op + ": shape");
        double[] x = new double[shape.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = gaussian ? rng.nextGaussian() : rng.nextDouble();
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
        Tensor t = leaves.get(leaf, "cannot be put on this tape again");
        if (t == null) {
            long version = leaf.version();
            // Leaf.values() is a fresh copy by contract: the tape keeps that one rather than copying it again.
            t = leafTensor("leaf", leaf.shape(), leaf.values(), true, false);
            leaves.put(leaf, t, version);
        }
        return t;
    }

    /** The tensor a leaf became on this tape, or {@code null}; see {@link LeafTable#get(Leaf, String)}. */
    Tensor leafOrNull(Leaf leaf, String refused) {
        return leaves.get(leaf, refused);
    }

    private Tensor leafTensor(String op, Shape shape, double[] values, boolean variable, boolean copy) {
        // Messages are built only on failure: this runs for every tensor leaf of every step.
        if (shape == null || values == null) {
            throw new NullPointerException(op + (shape == null ? ": shape" : ": values"));
        }
        if (values.length != shape.size()) {
            throw new IllegalArgumentException(String.format("%s: shape %s needs %s values, got %s",
                    op, shape, shape.size(), values.length));
        }
        return owned(shape, copy ? values.clone() : values, variable);
    }

    /** Records a leaf that takes ownership of {@code values}. */
    Tensor owned(Shape shape, double[] values, boolean variable) {
        OpCall call = new OpCall(NO_VALUES, NO_SHAPES, NO_FLAGS, shape);
        call.setOutput(values);
        int id = rec.pushEntry(new Entry(null, NO_IDS, call, variable), shape.isScalar() ? values[0] : 0);
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
        return record(op, false, inputs);
    }

    /**
     * {@link #record(Op, Node...)}, the output a variable whatever its inputs when {@code variable}: the
     * fresh argument of a {@link Functional} call is differentiable even where {@code x} is a constant.
     */
    Node record(Op op, boolean variable, Node... inputs) {
        Objects.requireNonNull(op, "op");
        int n = inputs.length;
        int[] ids = new int[n];
        double[][] vals = new double[n][];
        Shape[] shapes = new Shape[n];
        boolean[] needs = new boolean[n];
        boolean any = variable;
        for (int k = 0; k < n; k++) {
            Node x = inputs[k];
            if (x == null) {
                throw new NullPointerException(op.name() + ": input " + k + " is null");
            }
            if (x.tape() != this) { // op.name() is a megamorphic call: only on failure
                checkSameTape(op.name(), x);
            }
            int id = x instanceof Tensor t ? t.id : ((Scalar) x).id;
            ids[k] = id;
            // One walk to the entry for both its values (read only, a 0-d one's too) and its flag.
            Entry e = rec.entryOf(id);
            vals[k] = e != null ? e.values() : rec.valuesOf(id);
            shapes[k] = x.shape(); // the handle's own
            needs[k] = e != null ? e.requiresGrad : rec.requiresGrad(id);
            any |= needs[k];
        }
        // No defensive copy: the call's shapes serve that op alone, and the tape reads its own.
        Shape out = op.outputShape(shapes);
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
        int id = rec.pushEntry(new Entry(op, ids, call, any), out.isScalar() ? y[0] : 0);
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

    /** The numeric reverse sweep from node {@code root} for the output gradient {@code seed}; see {@link Backward#run}. */
    Gradients backward(int root, double[] seed, boolean dropZeros) {
        Gradients g = new Gradients(this, Backward.run(rec, root, seed, dropZeros));
        if (anomaly != null) {
            anomaly.checkBackward(g, root);
        }
        return g;
    }

    /** {@code seed^T d(root)/dx} recorded as a node of {@code x}'s shape; zeros if {@code root} does not depend on {@code x}. */
    Tensor gradient(int root, Tensor seed, Tensor x) {
        Tensor g = SymbolicBackward.gradient(rec, this, handles, root, seed, x.id);
        return g != null ? g : constant(x.shape(), new double[x.shape().size()]);
    }

    /** {@link #gradient} for several targets from one sweep. */
    List<Tensor> gradients(int root, Tensor seed, List<Tensor> xs) {
        int[] ids = new int[xs.size()];
        for (int k = 0; k < ids.length; k++) {
            Tensor x = Objects.requireNonNull(xs.get(k), "grad: x " + k);
            checkSameTape("grad", x);
            ids[k] = x.id;
        }
        Tensor[] g = SymbolicBackward.gradients(rec, this, handles, root, seed, ids);
        List<Tensor> out = new ArrayList<>(g.length);
        for (int k = 0; k < g.length; k++) {
            Shape s = xs.get(k).shape();
            out.add(g[k] != null ? g[k] : constant(s, new double[s.size()]));
        }
        return out;
    }

    /** A handle on node {@code id}: a tensor of its shape (0-d for a scalar node); records nothing. */
    Tensor handle(int id) {
        return new Tensor(this, id, rec.shapeOf(id));
    }

    /**
     * The tensor a persistent value became on this tape, if it was put on it ({@link #leaf(Leaf)});
     * unlike {@code leaf}, never puts it on.
     *
     * @throws IllegalStateException if the value changed after it was put on this tape
     */
    public Optional<Tensor> find(Leaf leaf) {
        Objects.requireNonNull(leaf, "find: leaf");
        return Optional.ofNullable(leaves.get(leaf, "cannot be read from this tape any more"));
    }

    /** The read-only view of a node of this tape; see {@link #node(int)}. */
    public Recorded node(Node n) {
        checkSameTape("node", n);
        return new Recorded(this, n instanceof Scalar s ? s.id : ((Tensor) n).id);
    }

    /**
     * A read-only view of node {@code index} (recording order: leaves, constants and op results), as
     * PyTorch's {@code grad_fn}: its op, inputs, shape and values.
     *
     * @throws IllegalArgumentException if no such node was recorded
     */
    public Recorded node(int index) {
        checkArgument(index >= 0 && index < rec.size, "node: index %s is outside this tape's %s nodes", index, rec.size);
        return new Recorded(this, index);
    }
}
