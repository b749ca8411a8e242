package dev.tapegrad.autograd.internal;

import static dev.tapegrad.autograd.internal.Code.CONST_B;

import dev.tapegrad.autograd.Op;

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
 * The reverse sweep: one plain loop from the output back to the first node. Recording order is a
 * topological order, so no graph walk, sort or recursion is needed, and a chain of any length runs on
 * the default stack. Only nodes the output depends on are visited ({@code hit}), so a derivative that
 * is infinite somewhere the output never looks cannot turn a gradient into NaN.
 */
public final class Backward {
    private Backward() {}

    /**
     * The gradients of node {@code root} with respect to every node before it, for the output gradient
     * {@code seed} (one value for a scalar root). Does not modify the recording or {@code seed}.
     */
    public static Sweep run(Recording t, int root, double[] seed) {
        return run(t, root, seed, false);
    }

    /**
     * {@link #run(Recording, int, double[])}, with {@code dropZeros}: an input gradient that is zero
     * everywhere is not passed on, so branches a one-hot seed leaves at zero are never swept (as the
     * recorded sweep drops zero constants). That is exact except where a later derivative is infinite or
     * NaN, whose product with zero it leaves out, so only the values-only Jacobian, whose recorded form
     * prunes the same way, asks for it.
     */
    public static Sweep run(Recording t, int root, double[] seed, boolean dropZeros) {
        int n = root + 1;
        double[] sg = new double[n];
        boolean[] hit = new boolean[n];
        double[][] tg = new double[t.entryCount][];
        boolean[] owned = new boolean[t.entryCount];
        Entry rootEntry = t.entryOf(root);
        if (rootEntry != null && !rootEntry.scalar) {
            tg[t.in0(root)] = seed.clone();
            owned[t.in0(root)] = true;
        } else {
            sg[root] = seed[0];
        }
        hit[root] = true;
        // Block by block from the top: the node's own fields come from the block's arrays, and only
        // an operand's value goes through the block table.
        double[][] vals = t.valueTable();
        for (int k = root >>> Recording.SHIFT; k >= 0; k--) {
            sweepBlock(t, vals, k, Math.min(root, (k << Recording.SHIFT) + Recording.MASK), sg, hit, tg, owned,
                    dropZeros);
        }
        return new Sweep(sg, tg, hit);
    }

    /** The sweep over the nodes of block {@code k} from node {@code top} down. */
    private static void sweepBlock(Recording t, double[][] vals, int k, int top, double[] sg, boolean[] hit,
                                   double[][] tg, boolean[] owned, boolean dropZeros) {
        double[] val = t.valueBlock(k);
        byte[] code = t.codeBlock(k);
        long[] link = t.linkBlock(k);
        int base = k << Recording.SHIFT;
        // One flat switch per node; each case loads only the values its derivative reads, since a
        // leaf's value is a cache miss more often than not in a large graph.
        for (int p = top - base; p >= 0; p--) {
            int i = base + p;
            if (!hit[i]) {
                continue;
            }
            byte c = code[p];
            switch (c) {
                case Code.LEAF, Code.CONST -> { }
                case Code.GENERIC -> general(t, i, sg, hit, tg, owned, dropZeros);
                // The partials of add and sub do not depend on the operands, so none are loaded (a
                // leaf's value is often a cache miss); CodeTableTest checks these cases against the ops.
                case Code.ADD -> {
                    double g = sg[i];
                    long l = link[p];
                    int a = (int) l;
                    int b = (int) (l >>> 32);
                    sg[a] += g * Add.INSTANCE.partialA(0, 0, 0);
                    sg[b] += g * Add.INSTANCE.partialB(0, 0, 0);
                    hit[a] = true;
                    hit[b] = true;
                }
                case Code.SUB -> {
                    double g = sg[i];
                    long l = link[p];
                    int a = (int) l;
                    int b = (int) (l >>> 32);
                    sg[a] += g * Sub.INSTANCE.partialA(0, 0, 0);
                    sg[b] += g * Sub.INSTANCE.partialB(0, 0, 0);
                    hit[a] = true;
                    hit[b] = true;
                }
                case Code.MUL, Code.DIV, Code.POW -> {
                    double g = sg[i];
                    long l = link[p];
                    int a = (int) l;
                    int b = (int) (l >>> 32);
                    double x = vals[a >>> Recording.SHIFT][a & Recording.MASK];
                    double xb = vals[b >>> Recording.SHIFT][b & Recording.MASK];
                    double y = val[p];
                    double da;
                    double db;
                    if (c == Code.MUL) {
                        da = Mul.INSTANCE.partialA(x, xb, y);
                        db = Mul.INSTANCE.partialB(x, xb, y);
                    } else if (c == Code.DIV) {
                        da = Div.INSTANCE.partialA(x, xb, y);
                        db = Div.INSTANCE.partialB(x, xb, y);
                    } else {
                        da = Pow.INSTANCE.partialA(x, xb, y);
                        db = Pow.INSTANCE.partialB(x, xb, y);
                    }
                    sg[a] += g * da;
                    sg[b] += g * db;
                    hit[a] = true;
                    hit[b] = true;
                }
                case Code.ADD | CONST_B -> {
                    int a = (int) link[p];
                    sg[a] += sg[i] * Add.INSTANCE.partialA(0, 0, 0);
                    hit[a] = true;
                }
                case Code.SUB | CONST_B -> {
                    int a = (int) link[p];
                    sg[a] += sg[i] * Sub.INSTANCE.partialA(0, 0, 0);
                    hit[a] = true;
                }
                // Mul's and div's partials in the left operand do not read it or the output, so
                // neither is loaded; CodeTableTest checks these cases against the ops too.
                case Code.MUL | CONST_B -> {
                    int a = (int) link[p];
                    sg[a] += sg[i] * Mul.INSTANCE.partialA(0, constant(t, link[p]), 0);
                    hit[a] = true;
                }
                case Code.DIV | CONST_B -> {
                    int a = (int) link[p];
                    sg[a] += sg[i] * Div.INSTANCE.partialA(0, constant(t, link[p]), 0);
                    hit[a] = true;
                }
                case Code.POW | CONST_B -> {
                    int a = (int) link[p];
                    double x = vals[a >>> Recording.SHIFT][a & Recording.MASK];
                    sg[a] += sg[i] * PowConst.derivative(x, constant(t, link[p]), val[p]);
                    hit[a] = true;
                }
                default -> {
                    int a = (int) link[p];
                    sg[a] += sg[i] * unaryDerivative(c, vals[a >>> Recording.SHIFT][a & Recording.MASK], val[p]);
                    hit[a] = true;
                }
            }
        }
    }

    /** The constant operand of a {@code CONST_B} node with these links. */
    private static double constant(Recording t, long link) {
        return t.constant((int) (link >>> 32));
    }

    /** Each case calls a final class's method, so the JIT binds and inlines it: no virtual call per node. */
    private static double unaryDerivative(byte c, double x, double y) {
        return switch (c) {
            case Code.NEG -> Neg.INSTANCE.derivative(0, 0);
            case Code.EXP -> Exp.INSTANCE.derivative(x, y);
            case Code.LOG -> Log.INSTANCE.derivative(x, y);
            case Code.SQRT -> Sqrt.INSTANCE.derivative(x, y);
            case Code.ABS -> Abs.INSTANCE.derivative(x, y);
            case Code.TANH -> Tanh.INSTANCE.derivative(x, y);
            case Code.SIGMOID -> Sigmoid.INSTANCE.derivative(x, y);
            case Code.RELU -> Relu.INSTANCE.derivative(x, y);
            case Code.SIN -> Sin.INSTANCE.derivative(x, y);
            case Code.COS -> Cos.INSTANCE.derivative(x, y);
            default -> throw new IllegalStateException("unknown op code " + c);
        };
    }

    // Whether a gradient is zero everywhere, for dropZeros.
    private static boolean allZero(double[] v) {
        for (double x : v) {
            if (x != 0.0) {
                return false;
            }
        }
        return true;
    }

    /** Runs one general op's backward and adds each input's gradient into that input's slot. */
    private static void general(Recording t, int i, double[] sg, boolean[] hit, double[][] tg, boolean[] owned,
                                boolean dropZeros) {
        Entry e = t.entries[t.in0(i)];
        if (e.op == null || !e.requiresGrad) {
            return;
        }
        boolean scalarOut = e.scalar;
        double[] g = scalarOut ? new double[] {sg[i]} : tg[t.in0(i)];
        if (g == null) {
            return;
        }
        double[][] gin = e.op.backward(e.call, g);
        if (gin == null || gin.length != e.inputs.length) {
            throw new IllegalStateException(String.format("%s: backward returned %s gradients for %s inputs",
                    e.op.name(), gin == null ? "null instead of" : gin.length, e.inputs.length));
        }
        for (int k = 0; k < gin.length; k++) {
            double[] gk = gin[k];
            if (gk == null || !e.call.needsGradient(k) || dropZeros && allZero(gk)) {
                continue;
            }
            int j = e.inputs[k];
            if (gk.length != e.call.input(k).length) {
                throw new IllegalStateException(String.format(
                        "%s: backward returned %s values for input %s of shape %s (%s)",
                        e.op.name(), gk.length, k, e.call.inputShape(k), e.call.input(k).length));
            }
            hit[j] = true;
            Entry target = t.entryOf(j);
            if (target == null || target.scalar) {
                sg[j] += gk[0];
                continue;
            }
            int slot = t.in0(j);
            double[] acc = tg[slot];
            if (acc == null) {
                tg[slot] = gk;
            } else {
                if (!owned[slot]) {
                    // An op's arrays are never written to (an op may return one it keeps, or an input):
                    // the first sum goes into a copy, which the sweep owns.
                    acc = acc.clone();
                    tg[slot] = acc;
                    owned[slot] = true;
                }
                for (int q = 0; q < acc.length; q++) {
                    acc[q] += gk[q];
                }
            }
        }
    }
}
