package dev.tapegrad.autograd;

import dev.tapegrad.autograd.internal.Code;
import dev.tapegrad.autograd.internal.Recording;
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
import java.util.List;
import java.util.Objects;

/**
 * A single number recorded on a {@link Tape}. Every op runs at once and records one node; the
 * formulas and derivatives are those of the op classes in {@code dev.tapegrad.autograd.ops}. A scalar
 * op stores a few primitives on the tape and allocates nothing but this handle.
 */
public final class Scalar implements Node {
    private final Tape tape;
    /** The tape's recording, held here too so that an op reaches it in one load. */
    private final Recording rec;
    final int id;
    /**
     * The node's value, a copy of the recording's: an op reads its operands from their handles, which
     * the JIT keeps in registers, instead of from the blocks, which every recorded value may overwrite.
     */
    private final double value;

    Scalar(Tape tape, int id) {
        this(tape, tape.rec, id, tape.rec.value(id));
    }

    private Scalar(Tape tape, Recording rec, int id, double value) {
        this.tape = tape;
        this.rec = rec;
        this.id = id;
        this.value = value;
    }

    @Override
    public Tape tape() {
        return tape;
    }

    @Override
    public Shape shape() {
        return Shape.of();
    }

    /** The value. */
    public double value() {
        return value;
    }

    @Override
    public double[] values() {
        return new double[] {value()};
    }

    @Override
    public Tensor asTensor() {
        return new Tensor(tape, id, Shape.of());
    }

    /**
     * Reverse-mode differentiation of this scalar with respect to every node recorded before it.
     * Does not modify the tape; calling it again gives the same gradients.
     */
    public Gradients backward() {
        return tape.backward(id, new double[] {1.0}, false);
    }

    @Override
    public boolean requiresGrad() {
        return rec.requiresGrad(id);
    }

    /**
     * The derivative of this scalar with respect to {@code x}, as a tensor of {@code x}'s shape recorded
     * on this tape, so that it can be used in further computation and differentiated again, to any order
     * (PyTorch's {@code torch.autograd.grad(y, x, create_graph=True)}): {@code y.grad(x).sum().grad(x)}
     * is a row sum of the Hessian. Its values equal {@code backward().of(x)}; zeros if this scalar does
     * not depend on {@code x}. Does not modify the nodes it reads.
     *
     * @throws IllegalArgumentException if {@code x} is from another tape
     */
    public Tensor grad(Tensor x) {
        Objects.requireNonNull(x, "grad: x");
        tape.checkSameTape("grad", x);
        return tape.gradient(id, tape.constant(1.0).asTensor(), x);
    }

    /**
     * The derivatives of this scalar with respect to each of {@code xs}, from one recorded sweep
     * (PyTorch's {@code torch.autograd.grad(y, inputs, create_graph=True)}): as {@link #grad(Tensor)} for
     * each, at the cost of one. Does not modify the nodes it reads.
     *
     * @throws IllegalArgumentException if a node is from another tape
     */
    public List<Tensor> grad(List<Tensor> xs) {
        Objects.requireNonNull(xs, "grad: xs");
        return tape.gradients(id, tape.constant(1.0).asTensor(), xs);
    }

    /**
     * The derivative of this scalar with respect to the scalar {@code x}, recorded on this tape so that
     * it can be differentiated again; see {@link #grad(Tensor)}. {@code x.pow(3).grad(x).grad(x)} is
     * {@code 6 x}.
     *
     * @throws IllegalArgumentException if {@code x} is from another tape
     */
    public Scalar grad(Scalar x) {
        Objects.requireNonNull(x, "grad: x");
        Tensor g = grad(x.asTensor());
        return new Scalar(tape, g.id);
    }

    /** {@code this + o}. */
    public Scalar add(Scalar o) {
        Objects.requireNonNull(o, "add: the other operand is null");
        return binary(Code.ADD, o, Add.INSTANCE.value(value(), o.value()));
    }

    /** {@code this + c}. */
    public Scalar add(double c) {
        return withConstant(Code.ADD, c, Add.INSTANCE.value(value(), c));
    }

    /** {@code this - o}. */
    public Scalar sub(Scalar o) {
        Objects.requireNonNull(o, "sub: the other operand is null");
        return binary(Code.SUB, o, Sub.INSTANCE.value(value(), o.value()));
    }

    /** {@code this - c}. */
    public Scalar sub(double c) {
        return withConstant(Code.SUB, c, Sub.INSTANCE.value(value(), c));
    }

    /** {@code this * o}. */
    public Scalar mul(Scalar o) {
        Objects.requireNonNull(o, "mul: the other operand is null");
        return binary(Code.MUL, o, Mul.INSTANCE.value(value(), o.value()));
    }

    /** {@code this * c}. */
    public Scalar mul(double c) {
        return withConstant(Code.MUL, c, Mul.INSTANCE.value(value(), c));
    }

    /** {@code this / o}. */
    public Scalar div(Scalar o) {
        Objects.requireNonNull(o, "div: the other operand is null");
        return binary(Code.DIV, o, Div.INSTANCE.value(value(), o.value()));
    }

    /** {@code this / c}. */
    public Scalar div(double c) {
        return withConstant(Code.DIV, c, Div.INSTANCE.value(value(), c));
    }

    /** {@code this ^ o}; see {@link Pow} for the derivative at 0. */
    public Scalar pow(Scalar o) {
        Objects.requireNonNull(o, "pow: the other operand is null");
        return binary(Code.POW, o, Pow.INSTANCE.value(value(), o.value()));
    }

    /** {@code this ^ c}; see {@link PowConst}. */
    public Scalar pow(double c) {
        return withConstant(Code.POW, c, PowConst.apply(value(), c));
    }

    /** {@code -this}. */
    public Scalar neg() {
        return unary(Code.NEG, Neg.INSTANCE.value(value()));
    }

    /** {@code e^this}. */
    public Scalar exp() {
        return unary(Code.EXP, Exp.INSTANCE.value(value()));
    }

    /** {@code ln this}. */
    public Scalar log() {
        return unary(Code.LOG, Log.INSTANCE.value(value()));
    }

    /** {@code sqrt(this)}. */
    public Scalar sqrt() {
        return unary(Code.SQRT, Sqrt.INSTANCE.value(value()));
    }

    /** {@code |this|}. */
    public Scalar abs() {
        return unary(Code.ABS, Abs.INSTANCE.value(value()));
    }

    /** {@code tanh(this)}. */
    public Scalar tanh() {
        return unary(Code.TANH, Tanh.INSTANCE.value(value()));
    }

    /** {@code 1 / (1 + e^-this)}. */
    public Scalar sigmoid() {
        return unary(Code.SIGMOID, Sigmoid.INSTANCE.value(value()));
    }

    /** {@code max(this, 0)}. */
    public Scalar relu() {
        return unary(Code.RELU, Relu.INSTANCE.value(value()));
    }

    /** {@code sin(this)}. */
    public Scalar sin() {
        return unary(Code.SIN, Sin.INSTANCE.value(value()));
    }

    /** {@code cos(this)}. */
    public Scalar cos() {
        return unary(Code.COS, Cos.INSTANCE.value(value()));
    }

    /** {@code this + t}, broadcast: a tensor. */
    public Tensor add(Tensor t) {
        return asTensor().add(t);
    }

    /** {@code this - t}, broadcast: a tensor. */
    public Tensor sub(Tensor t) {
        return asTensor().sub(t);
    }

    /** {@code this * t}, broadcast: a tensor. */
    public Tensor mul(Tensor t) {
        return asTensor().mul(t);
    }

    /** {@code this / t}, broadcast: a tensor. */
    public Tensor div(Tensor t) {
        return asTensor().div(t);
    }

    // ---- PyTorch names

    /** The value, as {@code loss.item()}: the same as {@link #value()}. */
    public double item() {
        return value();
    }

    // The value is computed before the tape check; a mixed-tape call still fails before recording.
    // The op's name is looked up only on that failure: it is not free on the hot path. The node is
    // pushed before its handle is allocated, so the handle's fields are written right after its
    // allocation and need no collector barriers.
    private Scalar binary(byte c, Scalar o, double v) {
        if (o.rec != rec) {
            tape.checkSameTape(Code.name(c), o);
        }
        int i = rec.push(c, id, o.id, v);
        return new Scalar(tape, rec, i, v);
    }

    private Scalar withConstant(byte c, double constant, double v) {
        int i = rec.pushWithConstant((byte) (c | Code.CONST_B), id, constant, v);
        return new Scalar(tape, rec, i, v);
    }

    private Scalar unary(byte c, double v) {
        int i = rec.push(c, id, -1, v);
        return new Scalar(tape, rec, i, v);
    }

    @Override
    public String toString() {
        return "Scalar(" + value() + ")";
    }
}
