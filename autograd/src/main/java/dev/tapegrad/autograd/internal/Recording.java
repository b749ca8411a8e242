package dev.tapegrad.autograd.internal;

import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.Shape;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The recording layout of one tape: a struct of arrays, cut into blocks. A scalar node is one slot in a
 * few primitive arrays (its value, its op code, and its two input ids packed in one {@code long}; a
 * constant operand lives in a side array only the nodes that have one use), so the scalar path
 * allocates nothing per op but its handle and 17 bytes here. A general op or a tensor leaf gets an
 * {@link Entry} beside its slot, whose index the slot's first input holds. The arrays are the engine's
 * to read and write; nothing outside the engine and the handles touches them.
 *
 * <p>Node {@code i} lives in block {@code i >>> SHIFT} at offset {@code i & MASK}. The first block
 * grows by doubling up to {@link #BLOCK} nodes, so a tape of a dozen nodes stays small; after it, each
 * block is allocated at full size and never copied, so a graph of a million nodes costs no growth
 * copies and no allocation large enough for the collector to treat as humongous.
 */
public final class Recording {
    /** Nodes per block, as a power of two: node {@code i} is in block {@code i >>> SHIFT}. */
    public static final int SHIFT = 12;
    /** Nodes per block (4096: a block's arrays take 68 KiB, far below G1's humongous size). */
    public static final int BLOCK = 1 << SHIFT;
    /** Node {@code i}'s offset in its block is {@code i & MASK}. */
    public static final int MASK = BLOCK - 1;
    private static final int FIRST = 16; // a tensor step records a dozen nodes
    private static final int FIRST_CONSTS = 4;

    /**
     * The block tables: {@code values[i >>> SHIFT][i & MASK]} is node {@code i}'s value, and so on.
     * Made when a second block starts, so that a small tape allocates only its first block.
     */
    double[][] values;
    byte[][] codes;
    /** Input ids, {@code in0 | (long) in1 << 32}: one store per node and one load in the sweep. */
    long[][] links;
    /** The constant operands of {@code CONST_B} nodes, in blocks, which hold their index in {@code in1}. */
    double[][] consts;
    /** The first block, which the accessors read without the tables: a small tape never needs them. */
    private double[] firstValue;
    private byte[] firstCode;
    private long[] firstLink;
    /**
     * Room for a few constants from the start: a tape of a dozen nodes never grows it, so the growth
     * call stays cold and the JIT keeps {@code x.mul(c)} small enough to inline into its caller (where
     * the handle of a temporary product is then never allocated).
     */
    private double[] firstConsts = new double[FIRST_CONSTS];
    /** The block being filled. */
    private double[] value;
    private byte[] code;
    private long[] link;
    /** The node count at which the block being filled is full. */
    private int blockEnd;
    /**
     * Pushes below this count take the fast path: {@link #blockEnd}, or 0 while a listener is set, so
     * the fast path tests one bound and nothing else.
     */
    private int fastEnd;
    private double[] constBlock = firstConsts;
    private int constEnd = FIRST_CONSTS;
    public int constCount;
    public int size;
    public Entry[] entries = new Entry[8];
    public int entryCount;
    /** Told the index of every node as it is recorded; {@code null} but in anomaly mode. */
    private IntConsumer listener;
    /** Which scalar nodes depend on a variable, known for the nodes below {@code needsUpTo}. */
    private boolean[] needs = new boolean[0];
    private int needsUpTo;

    /** An empty recording. */
    public Recording() {
        value = firstValue = new double[FIRST];
        code = firstCode = new byte[FIRST];
        link = firstLink = new long[FIRST];
        blockEnd = FIRST;
        fastEnd = FIRST;
    }

    /** Tells {@code l} the index of every node recorded from now on ({@code null}: no one). */
    public void setListener(IntConsumer l) {
        listener = l;
        fastEnd = l == null ? blockEnd : 0;
    }

    /** Appends one node; the scalar path's only cost besides its handle. */
    public int push(byte c, int a, int b, double v) {
        int i = size;
        if (i >= fastEnd) {
            return pushSlow(c, a, b, v);
        }
        int p = i & MASK;
        value[p] = v;
        code[p] = c;
        link[p] = pack(a, b);
        size = i + 1;
        return i;
    }

    /** {@link #push} at the end of a block or while a listener is set. */
    private int pushSlow(byte c, int a, int b, double v) {
        int i = size;
        if (i == blockEnd) {
            nextBlock();
        }
        int p = i & MASK;
        value[p] = v;
        code[p] = c;
        link[p] = pack(a, b);
        size = i + 1;
        if (listener != null) {
            listener.accept(i);
        }
        return i;
    }

    private static long pack(int a, int b) {
        return (a & 0xFFFF_FFFFL) | (long) b << 32;
    }

    /** Appends a {@code CONST_B} node: input {@code a} and the constant operand {@code constant}. */
    public int pushWithConstant(byte c, int a, double constant, double v) {
        int k = constCount;
        if (k == constEnd) {
            nextConstBlock();
        }
        constBlock[k & MASK] = constant;
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

    /** Makes room for node {@code size}: doubles the first block, or starts a new full-size one. */
    private void nextBlock() {
        if (size < BLOCK) {
            int n = Math.min(BLOCK, size * 2);
            value = firstValue = Arrays.copyOf(firstValue, n);
            code = firstCode = Arrays.copyOf(firstCode, n);
            link = firstLink = Arrays.copyOf(firstLink, n);
            blockEnd = n;
            if (values != null) {
                values[0] = value;
                codes[0] = code;
                links[0] = link;
            }
        } else {
            value = new double[BLOCK];
            code = new byte[BLOCK];
            link = new long[BLOCK];
            blockEnd = size + BLOCK;
            int k = size >>> SHIFT;
            tables();
            if (k == values.length) {
                int n = k * 2;
                values = Arrays.copyOf(values, n);
                codes = Arrays.copyOf(codes, n);
                links = Arrays.copyOf(links, n);
            }
            values[k] = value;
            codes[k] = code;
            links[k] = link;
        }
        fastEnd = listener == null ? blockEnd : 0;
    }

    private void nextConstBlock() {
        int k = constCount >>> SHIFT;
        if (constCount < BLOCK) {
            constBlock = firstConsts = Arrays.copyOf(firstConsts, Math.min(BLOCK, Math.max(4, constCount * 2)));
            constEnd = constBlock.length;
        } else {
            constBlock = new double[BLOCK];
            constEnd = constCount + BLOCK;
        }
        if (consts != null || k > 0) {
            tables();
            if (k == consts.length) {
                consts = Arrays.copyOf(consts, k * 2);
            }
            consts[k] = constBlock;
        }
    }

    /**
     * The table of value blocks, for the sweep's operand reads ({@code table[i >>> SHIFT][i & MASK]}):
     * a branch-free read in a large graph, and one small array for a tape of one block.
     */
    double[][] valueTable() {
        return values != null ? values : new double[][] {firstValue};
    }

    /** Block {@code k}'s values, for the sweep. */
    double[] valueBlock(int k) {
        return k == 0 ? firstValue : values[k];
    }

    /** Block {@code k}'s op codes, for the sweep. */
    byte[] codeBlock(int k) {
        return k == 0 ? firstCode : codes[k];
    }

    /** Block {@code k}'s input ids, for the sweep. */
    long[] linkBlock(int k) {
        return k == 0 ? firstLink : links[k];
    }

    /** Constant operand {@code k} (the index a {@code CONST_B} node holds). */
    double constant(int k) {
        return k < BLOCK ? firstConsts[k] : consts[k >>> SHIFT][k & MASK];
    }

    /** Makes the block tables, when a second block starts. */
    private void tables() {
        if (values == null) {
            values = new double[4][];
            codes = new byte[4][];
            links = new long[4][];
            values[0] = firstValue;
            codes[0] = firstCode;
            links[0] = firstLink;
        }
        if (consts == null) {
            consts = new double[4][];
            consts[0] = firstConsts;
        }
    }

    // ---- one node's fields (the first block is read directly: a small tape never needs the tables)

    /** Node {@code i}'s value (a tensor node's is 0 unless it is 0-d). */
    public double value(int i) {
        return i < BLOCK ? firstValue[i] : values[i >>> SHIFT][i & MASK];
    }

    /** Node {@code i}'s op code. */
    public byte code(int i) {
        return i < BLOCK ? firstCode[i] : codes[i >>> SHIFT][i & MASK];
    }

    /** Node {@code i}'s first input id; a general node's entry index. */
    public int in0(int i) {
        return (int) link(i);
    }

    /** Node {@code i}'s second input id, or its constant's index for a {@code CONST_B} node; -1 if none. */
    public int in1(int i) {
        return (int) (link(i) >>> 32);
    }

    private long link(int i) {
        return i < BLOCK ? firstLink[i] : links[i >>> SHIFT][i & MASK];
    }

    // ---- reading nodes

    /** The entry of a general node, or {@code null} for a scalar fast-path node. */
    public Entry entryOf(int id) {
        return code(id) == Code.GENERIC ? entries[in0(id)] : null;
    }

    /** The node's values; the recording's own array for a tensor (read only), a new one for a scalar. */
    public double[] valuesOf(int id) {
        Entry e = entryOf(id);
        return e != null && !e.shape().isScalar() ? e.values() : new double[] {value(id)};
    }

    /** The node's shape. */
    public Shape shapeOf(int id) {
        Entry e = entryOf(id);
        return e == null ? Shape.of() : e.shape();
    }

    /** The constant operand of a {@code CONST_B} node. */
    public double constantOf(int id) {
        return constant(in1(id));
    }

    /** Whether node {@code i} has a constant right operand held beside it. */
    public boolean hasConstantOperand(int i) {
        byte c = code(i);
        return c != Code.GENERIC && c != Code.LEAF && c != Code.CONST && (c & Code.CONST_B) != 0;
    }

    /** Whether node {@code i} is a leaf or constant (scalar or tensor): no op produced it. */
    public boolean isLeaf(int i) {
        byte c = code(i);
        return c == Code.LEAF || c == Code.CONST || (c == Code.GENERIC && entries[in0(i)].op == null);
    }

    /** The op that produced node {@code i} (a fast-path node's from {@link CodeTable}), or {@code null} for a leaf. */
    public Op opOf(int i) {
        if (isLeaf(i)) {
            return null;
        }
        return code(i) == Code.GENERIC ? entries[in0(i)].op : CodeTable.opOf(this, i);
    }

    /** The ids of the nodes node {@code i} was computed from, in operand order (empty for a leaf). */
    public int[] inputsOf(int i) {
        byte c = code(i);
        if (c == Code.LEAF || c == Code.CONST) {
            return new int[0];
        }
        if (c == Code.GENERIC) {
            return entries[in0(i)].inputs.clone();
        }
        int a = in0(i);
        if ((c & Code.CONST_B) != 0 || in1(i) < 0) {
            return new int[] {a};
        }
        return new int[] {a, in1(i)};
    }

    /**
     * Whether node {@code id} depends on a variable. A scalar fast-path node learns it lazily, in one
     * forward pass over the nodes recorded since it was last asked, so recording a scalar op stays a
     * few array stores.
     */
    public boolean requiresGrad(int id) {
        byte c = code(id);
        if (c == Code.GENERIC) {
            return entries[in0(id)].requiresGrad;
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
            needs = Arrays.copyOf(needs, Math.max(upTo + 1, Math.min(size, 2 * needs.length + FIRST)));
        }
        for (int i = needsUpTo; i <= upTo; i++) {
            byte c = code(i);
            if (c == Code.GENERIC) {
                needs[i] = entries[in0(i)].requiresGrad;
            } else if (c == Code.LEAF || c == Code.CONST) {
                needs[i] = c == Code.LEAF;
            } else if ((c & Code.CONST_B) != 0 || in1(i) < 0) {
                needs[i] = needs[in0(i)];
            } else {
                needs[i] = needs[in0(i)] || needs[in1(i)];
            }
        }
        needsUpTo = upTo + 1;
    }
}
