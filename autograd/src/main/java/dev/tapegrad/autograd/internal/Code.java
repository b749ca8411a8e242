package dev.tapegrad.autograd.internal;

/**
 * What produced a node: the op codes of the scalar fast path, which the tape stores as one byte per
 * node instead of an object. {@link #CONST_B} marks a binary op whose right operand is a constant held
 * beside the node, so {@code x.mul(2)} records one node, not two.
 */
public final class Code {
    private Code() {}

    public static final byte LEAF = 0;
    public static final byte CONST = 1;
    /** A general {@link dev.tapegrad.autograd.Op} or a tensor leaf: the node's first input slot holds its entry's index. */
    public static final byte GENERIC = 2;
    public static final byte ADD = 3;
    public static final byte SUB = 4;
    public static final byte MUL = 5;
    public static final byte DIV = 6;
    public static final byte POW = 7;
    public static final byte NEG = 8;
    public static final byte EXP = 9;
    public static final byte LOG = 10;
    public static final byte SQRT = 11;
    public static final byte ABS = 12;
    public static final byte TANH = 13;
    public static final byte SIGMOID = 14;
    public static final byte RELU = 15;
    public static final byte SIN = 16;
    public static final byte COS = 17;
    public static final byte CONST_B = 0x40;

    /** The op's name for a code, for messages and graph export: the name of its op in {@link CodeTable}. */
    public static String name(byte code) {
        return switch (code) {
            case LEAF -> "leaf";
            case CONST -> "constant";
            case GENERIC -> "op";
            default -> CodeTable.op((byte) (code & ~CONST_B)).name();
        };
    }
}
