package dev.tapegrad.autograd.internal;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Shape;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The recording layout of one tape: a struct of arrays. A scalar node is one slot in a few primitive
 * arrays (value, op code, input ids; a constant operand lives in a side array only the nodes that have
 * one use), so the scalar path allocates nothing per op but its handle and about 17 bytes here. A general
 * op or a tensor leaf gets an {@link Entry} beside its slot, whose index the slot's first input holds.
 * The arrays are the engine's to read and write; nothing outside the engine and the handles touches them.
 */
public final class Recording {
    public double[] value;
    public byte[] code;
    public int[] in0;
    public int[] in1;
    /** The constant operands of {@code CONST_B} nodes, which hold their index in {@code in1}; grown only when used. */
    public double[] consts = new double[0];
    public int constCount;
    public int size;
    public Entry[] entries = new Entry[8];
    public int entryCount;
    /** Told the index of every node as it is recorded; {@code null} but in anomaly mode. */
    public IntConsumer listener;
    /** Which scalar nodes depend on a variable, known for the nodes below {@code needsUpTo}. */
    private boolean[] needs = new boolean[0];
    private int needsUpTo;

    /** An empty recording. */
    public Recording() {
        int n = 16; // a tensor step records a dozen nodes; a scalar graph doubles its way up quickly
        value = new double[n];
        code = new byte[n];
        in0 = new int[n];
        in1 = new int[n];
    }

    /** Appends one node; the scalar path's only cost besides its handle. */
    public int push(byte c, int a, int b, double v) {
        int i = size;
        if (i == value.length) {
            grow();
        }
        value[i] = v;
        code[i] = c;
        in0[i] = a;
        in1[i] = b;
        size = i + 1;
        if (listener != null) {
            listener.accept(i);
        }
        return i;
    }

    /** Appends a {@code CONST_B} node: input {@code a} and the constant operand {@code constant}. */
    public int pushWithConstant(byte c, int a, double constant, double v) {
        int k = constCount;
        if (k == consts.length) {
            consts = Arrays.copyOf(consts, Math.max(4, k * 2));
        }
        consts[k] = constant;
        constCount = k + 1;
        return push(c, a, k, v);
    }

    /** Appends a general op's or tensor leaf's entry; {@code scalarValue} is its value when it is 0-d. */
    public int pushEntry(Entry e, double scalarValue) {
        if (entryCount == entries.length) {
            entries = Arrays.copyOf(entries, entryCount * 2);
        }
        entries[entryCount] = e;
        return push(Code.GENERIC, entryCount++, -1, scalarValue);
    }

    private void grow() {
        int n = value.length * 2;
        value = Arrays.copyOf(value, n);
        code = Arrays.copyOf(code, n);
        in0 = Arrays.copyOf(in0, n);
        in1 = Arrays.copyOf(in1, n);
    }

    // ---- reading nodes

    /** The entry of a general node, or {@code null} for a scalar fast-path node. */
    public Entry entryOf(int id) {
        return code[id] == Code.GENERIC ? entries[in0[id]] : null;
    }

    /** The node's values; the recording's own array for a tensor (read only), a new one for a scalar. */
    public double[] valuesOf(int id) {
        Entry e = entryOf(id);
        return e != null && !e.shape().isScalar() ? e.values() : new double[] {value[id]};
    }

    /** The node's shape. */
    public Shape shapeOf(int id) {
        Entry e = entryOf(id);
        return e == null ? Shape.of() : e.shape();
    }

    /** The constant operand of a {@code CONST_B} node. */
    public double constantOf(int id) {
        return consts[in1[id]];
    }

    /** Whether node {@code i} has a constant right operand held beside it. */
    public boolean hasConstantOperand(int i) {
        byte c = code[i];
        return c != Code.GENERIC && c != Code.LEAF && c != Code.CONST && (c & Code.CONST_B) != 0;
    }

    /** Whether node {@code i} is a leaf or constant (scalar or tensor): no op produced it. */
    public boolean isLeaf(int i) {
        byte c = code[i];
        return c == Code.LEAF || c == Code.CONST || (c == Code.GENERIC && entries[in0[i]].op == null);
    }

    /** The op that produced node {@code i} (a fast-path node's from {@link CodeTable}), or {@code null} for a leaf. */
    public Op opOf(int i) {
        if (isLeaf(i)) {
            return null;
        }
        return code[i] == Code.GENERIC ? entries[in0[i]].op : CodeTable.opOf(this, i);
    }

    /** The ids of the nodes node {@code i} was computed from, in operand order (empty for a leaf). */
    public int[] inputsOf(int i) {
        byte c = code[i];
        if (c == Code.LEAF || c == Code.CONST) {
            return new int[0];
        }
        if (c == Code.GENERIC) {
            return entries[in0[i]].inputs.clone();
        }
        if ((c & Code.CONST_B) != 0 || in1[i] < 0) {
            return new int[] {in0[i]};
        }
        return new int[] {in0[i], in1[i]};
    }

    /**
     * Whether node {@code id} depends on a variable. A scalar fast-path node learns it lazily, in one
     * forward pass over the nodes recorded since the last question, so recording a scalar op stays a
     * few array stores.
     */
    public boolean requiresGrad(int id) {
        byte c = code[id];
        if (c == Code.GENERIC) {
            return entries[in0[id]].requiresGrad;
        }
        if (c == Code.LEAF || c == Code.CONST) {
            return c == Code.LEAF;
        }
        if (id >= needsUpTo) {
            propagateNeeds(id);
        }
        return needs[id];
    }

    private void propagateNeeds(int upTo) {
        if (needs.length <= upTo) {
            needs = Arrays.copyOf(needs, Math.max(upTo + 1, value.length));
        }
        for (int i = needsUpTo; i <= upTo; i++) {
            byte c = code[i];
            if (c == Code.GENERIC) {
                needs[i] = entries[in0[i]].requiresGrad;
            } else if (c == Code.LEAF || c == Code.CONST) {
                needs[i] = c == Code.LEAF;
            } else if ((c & Code.CONST_B) != 0 || in1[i] < 0) {
                needs[i] = needs[in0[i]];
            } else {
                needs[i] = needs[in0[i]] || needs[in1[i]];
            }
        }
        needsUpTo = upTo + 1;
    }
}
