package dev.tapegrad.autograd;

/**
 * What produced a node: the op codes of the scalar fast path, which the tape stores as one byte per
 * node instead of an object. {@link #CONST_B} marks a binary op whose right operand is a constant held
 * beside the node, so {@code x.mul(2)} records one node, not two.
 */
final class Code {
    private Code() {}

    static final byte LEAF = 0;
    static final byte CONST = 1;
    /** A general {@link Op} or a tensor leaf: the node's first input slot holds its entry's index. */
    static final byte GENERIC = 2;
    static final byte ADD = 3;
    static final byte SUB = 4;
    static final byte MUL = 5;
    static final byte DIV = 6;
    static final byte POW = 7;
    static final byte NEG = 8;
    static final byte EXP = 9;
    static final byte LOG = 10;
    static final byte SQRT = 11;
    static final byte ABS = 12;
    static final byte TANH = 13;
    static final byte SIGMOID = 14;
    static final byte RELU = 15;
    static final byte SIN = 16;
    static final byte COS = 17;
    static final byte CONST_B = 0x40;

    /** The op's name for a code, for messages and graph export: the name of its op in {@link CodeTable}. */
    static String name(byte code) {
        return switch (code) {
            case LEAF -> "leaf";
            case CONST -> "constant";
            case GENERIC -> "op";
            default -> CodeTable.op((byte) (code & ~CONST_B)).name();
        };
    }
}
