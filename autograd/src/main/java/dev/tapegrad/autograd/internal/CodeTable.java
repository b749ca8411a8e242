package dev.tapegrad.autograd.internal;

import dev.tapegrad.autograd.BinaryOp;
import dev.tapegrad.autograd.Op;
import dev.tapegrad.autograd.UnaryOp;
import dev.tapegrad.autograd.ops.Abs;
import dev.tapegrad.autograd.ops.Add;
import dev.tapegrad.autograd.ops.Cos;
import dev.tapegrad.autograd.ops.Div;
import dev.tapegrad.autograd.ops.Exp;
import dev.tapegrad.autograd.ops.Log;
import dev.tapegrad.autograd.ops.Mul;
import dev.tapegrad.autograd.ops.Neg;
import dev.tapegrad.autograd.ops.Pow;
import dev.tapegrad.autograd.ops.PowConst;
import dev.tapegrad.autograd.ops.Relu;
import dev.tapegrad.autograd.ops.Sigmoid;
import dev.tapegrad.autograd.ops.Sin;
import dev.tapegrad.autograd.ops.Sqrt;
import dev.tapegrad.autograd.ops.Sub;
import dev.tapegrad.autograd.ops.Tanh;

/**
 * The one table from the scalar fast path's op codes to the op objects that define them: value,
 * numeric derivative and differentiable derivative all come from the op. The fast path's switches name
 * the same op classes; a test runs every code against its op here, so a code cannot go missing silently.
 */
public final class CodeTable {
    private CodeTable() {}

    /** The op a code stands for (without {@link Code#CONST_B}), or {@code null} for a leaf, constant or general op. */
    public static Op op(byte code) {
        return switch (code) {
            case Code.ADD -> Add.INSTANCE;
            case Code.SUB -> Sub.INSTANCE;
            case Code.MUL -> Mul.INSTANCE;
            case Code.DIV -> Div.INSTANCE;
            case Code.POW -> Pow.INSTANCE;
            case Code.NEG -> Neg.INSTANCE;
            case Code.EXP -> Exp.INSTANCE;
            case Code.LOG -> Log.INSTANCE;
            case Code.SQRT -> Sqrt.INSTANCE;
            case Code.ABS -> Abs.INSTANCE;
            case Code.TANH -> Tanh.INSTANCE;
            case Code.SIGMOID -> Sigmoid.INSTANCE;
            case Code.RELU -> Relu.INSTANCE;
            case Code.SIN -> Sin.INSTANCE;
            case Code.COS -> Cos.INSTANCE;
            case Code.LEAF, Code.CONST, Code.GENERIC -> null;
            default -> throw new IllegalStateException("unknown op code " + code);
        };
    }

    /**
     * The op of a code with {@link Code#CONST_B}: the binary op with its right operand fixed to
     * {@code constant}, as a function of the left one ({@code x.pow(c)} is {@link PowConst}).
     */
    public static UnaryOp withConstant(byte code, double constant) {
        byte base = (byte) (code & ~Code.CONST_B);
        if (base == Code.POW) {
            return new PowConst(constant);
        }
        if (base == Code.ADD || base == Code.SUB || base == Code.MUL || base == Code.DIV) {
            return new ConstantRight((BinaryOp) op(base), constant);
        }
        throw new IllegalStateException("unknown op code " + code);
    }

    /** The op that produced scalar fast-path node {@code i} of {@code t}, its constant operand bound. */
    public static Op opOf(Recording t, int i) {
        byte c = t.code(i);
        return (c & Code.CONST_B) != 0 ? withConstant(c, t.constantOf(i)) : op(c);
    }
}
