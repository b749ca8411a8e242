package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.BinaryOp;
import dev.tapegrad.autograd.OpCall;
import dev.tapegrad.autograd.Tensor;

/**
 * An elementwise comparison giving a 0/1 mask, broadcast as NumPy does: {@code y = (a > b) ? 1 : 0}
 * for {@link #GT}, and likewise {@code <}, {@code >=}, {@code <=}, {@code ==}, {@code !=}. A step
 * function: its derivative is 0 wherever it exists, so no gradient flows into either operand. NaN
 * compares as IEEE 754 says (and PyTorch does): false for every comparison but {@code !=}.
 * {@link Tensor#gt(Tensor)} and its siblings apply it to constant copies, so the mask is a constant,
 * as PyTorch's boolean results have no gradient.
 */
public final class Compare implements BinaryOp {
    /** {@code a > b}. */
    public static final Compare GT = new Compare("gt", 0);
    /** {@code a < b}. */
    public static final Compare LT = new Compare("lt", 1);
    /** {@code a >= b}. */
    public static final Compare GE = new Compare("ge", 2);
    /** {@code a <= b}. */
    public static final Compare LE = new Compare("le", 3);
    /** {@code a == b}. */
    public static final Compare EQ = new Compare("eq", 4);
    /** {@code a != b}. */
    public static final Compare NE = new Compare("ne", 5);

    private final String name;
    private final int kind;

    private Compare(String name, int kind) {
        this.name = name;
        this.kind = kind;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double value(double a, double b) {
        boolean r = switch (kind) {
            case 0 -> a > b;
            case 1 -> a < b;
            case 2 -> a >= b;
            case 3 -> a <= b;
            case 4 -> a == b;
            default -> a != b;
        };
        return r ? 1.0 : 0.0;
    }

    @Override
    public double partialA(double a, double b, double y) {
        return 0.0;
    }

    @Override
    public double partialB(double a, double b, double y) {
        return 0.0;
    }

    /** No gradient for either operand: a step function is flat wherever it has a derivative. */
    @Override
    public double[][] backward(OpCall call, double[] gradOutput) {
        return new double[][] {null, null};
    }

    /** No gradient for either operand, at any order. */
    @Override
    public Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor gradOutput) {
        return new Tensor[] {null, null};
    }

    /** This comparison of {@code a} and {@code b}, broadcast, as a constant 0/1 mask; does not modify them. */
    public Tensor mask(Tensor a, Tensor b) {
        return apply(a.detach(), b.detach());
    }

    @Override
    public String toString() {
        return name;
    }
}
