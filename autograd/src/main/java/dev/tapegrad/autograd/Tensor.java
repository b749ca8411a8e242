package dev.tapegrad.autograd;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.ops.Abs;
import dev.tapegrad.autograd.ops.Add;
import dev.tapegrad.autograd.ops.Affine;
import dev.tapegrad.autograd.ops.Argmax;
import dev.tapegrad.autograd.ops.Clamp;
import dev.tapegrad.autograd.ops.Compare;
import dev.tapegrad.autograd.ops.Concat;
import dev.tapegrad.autograd.ops.Cos;
import dev.tapegrad.autograd.ops.Div;
import dev.tapegrad.autograd.ops.Exp;
import dev.tapegrad.autograd.ops.Expand;
import dev.tapegrad.autograd.ops.Gather;
import dev.tapegrad.autograd.ops.Index;
import dev.tapegrad.autograd.ops.LeakyRelu;
import dev.tapegrad.autograd.ops.Log1p;
import dev.tapegrad.autograd.ops.Log;
import dev.tapegrad.autograd.ops.LogSoftmax;
import dev.tapegrad.autograd.ops.LogSumExp;
import dev.tapegrad.autograd.ops.MatMul;
import dev.tapegrad.autograd.ops.Max;
import dev.tapegrad.autograd.ops.MaxAll;
import dev.tapegrad.autograd.ops.Mul;
import dev.tapegrad.autograd.ops.Neg;
import dev.tapegrad.autograd.ops.Norm;
import dev.tapegrad.autograd.ops.Permute;
import dev.tapegrad.autograd.ops.Pow;
import dev.tapegrad.autograd.ops.PowConst;
import dev.tapegrad.autograd.ops.Relu;
import dev.tapegrad.autograd.ops.Reshape;
import dev.tapegrad.autograd.ops.Sigmoid;
import dev.tapegrad.autograd.ops.Sin;
import dev.tapegrad.autograd.ops.Slice;
import dev.tapegrad.autograd.ops.Softmax;
import dev.tapegrad.autograd.ops.Softplus;
import dev.tapegrad.autograd.ops.Sqrt;
import dev.tapegrad.autograd.ops.Stack;
import dev.tapegrad.autograd.ops.Sub;
import dev.tapegrad.autograd.ops.Sum;
import dev.tapegrad.autograd.ops.SumAll;
import dev.tapegrad.autograd.ops.SumTo;
import dev.tapegrad.autograd.ops.Tanh;
import dev.tapegrad.autograd.ops.Where;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An n-dimensional array of doubles recorded on a {@link Tape}, row-major. Ops run at once and record
 * one entry each; their formulas and derivatives are documented on the op classes in
 * {@code dev.tapegrad.autograd.ops}. Elementwise ops broadcast as NumPy does. No op modifies its
 * operands: every result is a new node.
 */
public final class Tensor implements Node {
    private final Tape tape;
    final int id;
    private final Shape shape;

    Tensor(Tape tape, int id, Shape shape) {
        this.tape = tape;
        this.id = id;
        this.shape = shape;
    }

    @Override
    public Tape tape() {
        return tape;
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public double[] values() {
        return tape.rec.valuesOf(id).clone();
    }

    @Override
    public Tensor asTensor() {
        return this;
    }

    /** The only element's value; an error unless the tensor has exactly one element. */
    public double item() {
        checkArgument(shape.size() == 1, "item: tensor of shape %s has %s elements, not 1", shape, shape.size());
        return tape.rec.valuesOf(id)[0];
    }

    /** A constant copy of this tensor on the same tape: gradients do not flow through it. */
    public Tensor detach() {
        return tape.constant(shape, tape.rec.valuesOf(id));
    }

    /**
     * Whether this node depends on a variable, so that gradients flow into it (PyTorch's
     * {@code requires_grad}): false for constants and for nodes computed from constants only.
     */
    @Override
    public boolean requiresGrad() {
        return tape.rec.requiresGrad(id);
    }

    /** Whether the operand {@code o} of {@code op} is 0-d; names {@code op} when it is null. */
    private static boolean isScalar(Tensor o, String op) {
        if (o == null) {
            throw new NullPointerException(op + ": the other operand is null");
        }
        return o.shape.isScalar();
    }

    /** This 0-d tensor as a {@link Scalar} handle on the same node; records nothing. */
    private Scalar scalar() {
        return new Scalar(tape, id);
    }

    // ---- elementwise, broadcast

    /** {@code this + o}, broadcast. */
    public Tensor add(Tensor o) {
        return shape.isScalar() && isScalar(o, "add") ? scalar().add(o.scalar()).asTensor() : op(Add.INSTANCE, this, o);
    }

    /** {@code this + s}. */
    public Tensor add(Scalar s) {
        return shape.isScalar() ? scalar().add(s).asTensor() : op(Add.INSTANCE, this, s);
    }

    /** {@code this + c}. */
    public Tensor add(double c) {
        return shape.isScalar() ? scalar().add(c).asTensor() : op(Add.INSTANCE, this, tape.constant(c));
    }

    /** {@code this - o}, broadcast. */
    public Tensor sub(Tensor o) {
        return shape.isScalar() && isScalar(o, "sub") ? scalar().sub(o.scalar()).asTensor() : op(Sub.INSTANCE, this, o);
    }

    /** {@code this - s}. */
    public Tensor sub(Scalar s) {
        return shape.isScalar() ? scalar().sub(s).asTensor() : op(Sub.INSTANCE, this, s);
    }

    /** {@code this - c}. */
    public Tensor sub(double c) {
        return shape.isScalar() ? scalar().sub(c).asTensor() : op(Sub.INSTANCE, this, tape.constant(c));
    }

    /** {@code this * o}, elementwise, broadcast. */
    public Tensor mul(Tensor o) {
        return shape.isScalar() && isScalar(o, "mul") ? scalar().mul(o.scalar()).asTensor() : op(Mul.INSTANCE, this, o);
    }

    /** {@code this * s}. */
    public Tensor mul(Scalar s) {
        return shape.isScalar() ? scalar().mul(s).asTensor() : op(Mul.INSTANCE, this, s);
    }

    /** {@code this * c}. */
    public Tensor mul(double c) {
        return shape.isScalar() ? scalar().mul(c).asTensor() : op(Mul.INSTANCE, this, tape.constant(c));
    }

    /** {@code this / o}, elementwise, broadcast. */
    public Tensor div(Tensor o) {
        return shape.isScalar() && isScalar(o, "div") ? scalar().div(o.scalar()).asTensor() : op(Div.INSTANCE, this, o);
    }

    /** {@code this / s}. */
    public Tensor div(Scalar s) {
        return shape.isScalar() ? scalar().div(s).asTensor() : op(Div.INSTANCE, this, s);
    }

    /** {@code this / c}. */
    public Tensor div(double c) {
        return shape.isScalar() ? scalar().div(c).asTensor() : op(Div.INSTANCE, this, tape.constant(c));
    }

    /** {@code this ^ o}, elementwise, broadcast. */
    public Tensor pow(Tensor o) {
        return shape.isScalar() && isScalar(o, "pow") ? scalar().pow(o.scalar()).asTensor() : op(Pow.INSTANCE, this, o);
    }

    /** {@code this ^ s}, elementwise. */
    public Tensor pow(Scalar s) {
        return shape.isScalar() ? scalar().pow(s).asTensor() : op(Pow.INSTANCE, this, s);
    }

    /** {@code this ^ c}, elementwise. */
    public Tensor pow(double c) {
        return shape.isScalar() ? scalar().pow(c).asTensor() : op(new PowConst(c), this);
    }

    /** {@code -this}. */
    public Tensor neg() {
        return shape.isScalar() ? scalar().neg().asTensor() : op(Neg.INSTANCE, this);
    }

    /** {@code e^x} elementwise. */
    public Tensor exp() {
        return shape.isScalar() ? scalar().exp().asTensor() : op(Exp.INSTANCE, this);
    }

    /** {@code ln x} elementwise. */
    public Tensor log() {
        return shape.isScalar() ? scalar().log().asTensor() : op(Log.INSTANCE, this);
    }

    /** {@code ln(1 + x)} elementwise, accurate for small {@code x}; {@code dy/dx = 1 / (1 + x)}. */
    public Tensor log1p() {
        return op(Log1p.INSTANCE, this);
    }

    /** {@code sqrt(x)} elementwise. */
    public Tensor sqrt() {
        return shape.isScalar() ? scalar().sqrt().asTensor() : op(Sqrt.INSTANCE, this);
    }

    /** {@code |x|} elementwise. */
    public Tensor abs() {
        return shape.isScalar() ? scalar().abs().asTensor() : op(Abs.INSTANCE, this);
    }

    /** {@code tanh x} elementwise. */
    public Tensor tanh() {
        return shape.isScalar() ? scalar().tanh().asTensor() : op(Tanh.INSTANCE, this);
    }

    /** {@code 1 / (1 + e^-x)} elementwise. */
    public Tensor sigmoid() {
        return shape.isScalar() ? scalar().sigmoid().asTensor() : op(Sigmoid.INSTANCE, this);
    }

    /** {@code max(x, 0)} elementwise. */
    public Tensor relu() {
        return shape.isScalar() ? scalar().relu().asTensor() : op(Relu.INSTANCE, this);
    }

    /** {@code sin x} elementwise. */
    public Tensor sin() {
        return shape.isScalar() ? scalar().sin().asTensor() : op(Sin.INSTANCE, this);
    }

    /** {@code cos x} elementwise. */
    public Tensor cos() {
        return shape.isScalar() ? scalar().cos().asTensor() : op(Cos.INSTANCE, this);
    }

    /**
     * Each element clamped into {@code [min, max]}, as {@code torch.clamp} (either bound may be
     * infinite); {@code dy/dx = 1} inside the bounds, inclusive, else 0; NaN stays NaN.
     *
     * @throws IllegalArgumentException if {@code min > max} or a bound is NaN
     */
    public Tensor clamp(double min, double max) {
        return op(new Clamp(min, max), this);
    }

    // ---- linear algebra and layout

    /**
     * Matrix product as {@code torch.matmul}: 2-D times 2-D; batched over leading axes, which
     * broadcast; a 1-D operand is a row (left) or column (right) vector whose axis is dropped after.
     */
    public Tensor matmul(Tensor o) {
        return MatMul.matmul(this, Objects.requireNonNull(o, "matmul: other"));
    }

    /**
     * The fully connected layer's function, PyTorch's {@code F.linear}: {@code this W^T + b} for this
     * input {@code [N, in]} (or one sample {@code [in]}), {@code weight [out, in]} and {@code bias [out]};
     * one fused op. {@code dx = g W}, {@code dW = g^T x}, {@code db = sum over n of g}.
     *
     * @throws IllegalArgumentException if the shapes do not fit together
     */
    public Tensor linear(Tensor weight, Tensor bias) {
        Objects.requireNonNull(weight, "linear: weight");
        Objects.requireNonNull(bias, "linear: bias");
        return op(Affine.INSTANCE, this, weight, bias);
    }

    /** Swaps the last two axes. */
    public Tensor transpose() {
        checkArgument(shape.rank() >= 2, "transpose: needs at least 2 dimensions, got shape %s", shape);
        return transpose(-2, -1);
    }

    /** Swaps axes {@code a} and {@code b} (negative counts from the end), like {@code torch.transpose}. */
    public Tensor transpose(int a, int b) {
        int[] p = new int[shape.rank()];
        Arrays.setAll(p, i -> i);
        p[shape.axis(a, "transpose")] = shape.axis(b, "transpose");
        p[shape.axis(b, "transpose")] = shape.axis(a, "transpose");
        return permute(p);
    }

    /** Reorders the axes: result axis {@code i} is this tensor's axis {@code perm[i]}. */
    public Tensor permute(int... perm) {
        return op(new Permute(perm), this);
    }

    /** The same elements under another shape; one dimension may be {@code -1}, inferred. */
    public Tensor reshape(int... dims) {
        return op(new Reshape(dims), this);
    }

    /**
     * This tensor broadcast to {@code target} (PyTorch's {@code expand}); this tensor itself when the
     * shapes are equal. {@code gx = sumTo(g, shape of this)}.
     *
     * @throws IllegalArgumentException if this shape does not broadcast to {@code target}
     */
    public Tensor expand(Shape target) {
        Objects.requireNonNull(target, "expand: target shape");
        return target.equals(shape) ? this : op(new Expand(target), this);
    }

    /**
     * This tensor summed down to {@code target}, a shape that broadcasts to this one (PyTorch's
     * {@code sum_to_size}): the adjoint of {@link #expand(Shape)}; this tensor itself when the shapes are
     * equal. {@code gx = expand(g, shape of this)}.
     *
     * @throws IllegalArgumentException if {@code target} does not broadcast to this shape
     */
    public Tensor sumTo(Shape target) {
        Objects.requireNonNull(target, "sumTo: target shape");
        return target.equals(shape) ? this : op(new SumTo(target), this);
    }

    // ---- reductions

    /** The sum of all elements. */
    public Scalar sum() {
        return (Scalar) tape.record(SumAll.INSTANCE, this);
    }

    /** The mean of all elements. */
    public Scalar mean() {
        checkArgument(shape.size() > 0, "mean: tensor of shape %s is empty", shape);
        return sum().div(shape.size());
    }

    /** The largest element; the gradient is shared among ties. */
    public Scalar max() {
        return (Scalar) tape.record(MaxAll.INSTANCE, this);
    }

    /** The smallest element: {@code -max(-x)}. */
    public Scalar min() {
        checkArgument(shape.size() > 0, "min: tensor of shape %s is empty; a minimum needs at least one element", shape);
        return neg().max().neg();
    }

    /** Sums over {@code axis}, dropping it (PyTorch's default {@code keepdim=False}). */
    public Tensor sum(int axis) {
        return sum(axis, false);
    }

    /** Averages over {@code axis}, dropping it. */
    public Tensor mean(int axis) {
        return mean(axis, false);
    }

    /** The maximum over {@code axis}, dropping it. */
    public Tensor max(int axis) {
        return max(axis, false);
    }

    /** The minimum over {@code axis}, dropping it. */
    public Tensor min(int axis) {
        return min(axis, false);
    }

    /** Sums over {@code axis}; {@code keepDims} keeps it with size 1. */
    public Tensor sum(int axis, boolean keepDims) {
        return op(new Sum(axis, keepDims), this);
    }

    /** Averages over {@code axis}; {@code keepDims} keeps it with size 1. */
    public Tensor mean(int axis, boolean keepDims) {
        int n = shape.dim(shape.axis(axis, "mean"));
        checkArgument(n > 0, "mean: axis %s of shape %s is empty", axis, shape);
        return sum(axis, keepDims).div(n);
    }

    /** The maximum over {@code axis}; {@code keepDims} keeps it with size 1. */
    public Tensor max(int axis, boolean keepDims) {
        return op(new Max(axis, keepDims), this);
    }

    /** The minimum over {@code axis}: {@code -max(-x)}. */
    public Tensor min(int axis, boolean keepDims) {
        // Checked here so that a bad call names min, not the max it is built from.
        int n = shape.dim(shape.axis(axis, "min"));
        checkArgument(n > 0, "min: axis %s of shape %s is empty; a minimum needs at least one element", axis, shape);
        return neg().max(axis, keepDims).neg();
    }

    /** Softmax along {@code axis}, computed stably. */
    public Tensor softmax(int axis) {
        return op(new Softmax(axis), this);
    }

    /** Log-softmax along {@code axis}, computed stably. */
    public Tensor logSoftmax(int axis) {
        return op(new LogSoftmax(axis), this);
    }

    // ---- indexing and joining

    /** The element at {@code index} as a scalar whose gradient flows back into that element. */
    public Scalar get(int... index) {
        return (Scalar) tape.record(new Index(index), this);
    }

    /** The elements {@code [from, to)} along {@code axis}; negative bounds count from the end. */
    public Tensor slice(int axis, int from, int to) {
        return op(new Slice(axis, from, to), this);
    }

    /** Joins tensors along an existing axis. */
    public static Tensor concat(int axis, Tensor... tensors) {
        return join(new Concat(axis), tensors);
    }

    /** Joins tensors of one shape along a new axis. */
    public static Tensor stack(int axis, Tensor... tensors) {
        return join(new Stack(axis), tensors);
    }

    /** Joins tensors along an existing axis. */
    public static Tensor concat(int axis, List<Tensor> tensors) {
        return join(new Concat(axis), Objects.requireNonNull(tensors, "concat: tensors").toArray(new Node[0]));
    }

    /** Joins nodes of one shape (tensors, or scalars into a vector) along a new axis. */
    public static Tensor stack(int axis, List<? extends Node> nodes) {
        return join(new Stack(axis), Objects.requireNonNull(nodes, "stack: nodes").toArray(new Node[0]));
    }

    /** Stacks scalars along a new axis: with axis 0 (or -1), the vector {@code [s0, s1, ...]}. */
    public static Tensor stack(int axis, Scalar... scalars) {
        return join(new Stack(axis), scalars);
    }

    /** The vector {@code [s0, s1, ...]} of these scalars; gradients flow back into each. */
    public static Tensor stack(Scalar... scalars) {
        return join(new Stack(0), scalars);
    }

    private static Tensor join(Op op, Node... nodes) {
        Objects.requireNonNull(nodes, op.name());
        checkArgument(nodes.length > 0, "%s: needs at least one node", op.name());
        return op.apply(nodes).asTensor();
    }

    // ---- backward

    /** Reverse-mode differentiation of this one-element tensor; see {@link Scalar#backward()}. */
    public Gradients backward() {
        checkArgument(shape.size() == 1, "backward: tensor of shape %s has %s elements; pass a seed of that size "
                + "(backward(seed)) or reduce it first, e.g. sum()", shape, shape.size());
        return tape.backward(id, new double[] {1.0}, false);
    }

    /**
     * The vector-Jacobian product: gradients of {@code sum(seed * this)} with respect to every node
     * recorded before this one. Does not modify {@code seed}.
     */
    public Gradients backward(double[] seed) {
        Objects.requireNonNull(seed, "backward: seed");
        checkArgument(seed.length == shape.size(), "backward: seed has %s values but tensor of shape %s has %s",
                seed.length, shape, shape.size());
        return tape.backward(id, seed, false);
    }

    /**
     * The vector-Jacobian product {@code seed^T (d this / d x)} as a node of {@code x}'s shape, recorded
     * on this tape so that it can be differentiated again, in {@code x} and in {@code seed} (PyTorch's
     * {@code torch.autograd.grad(this, x, seed, create_graph=True)}). Zeros if this tensor does not
     * depend on {@code x}. Does not modify the nodes it reads.
     *
     * @throws IllegalArgumentException if {@code seed}'s shape differs from this tensor's, or a node is
     *     from another tape
     */
    public Tensor grad(Tensor x, Tensor seed) {
        Objects.requireNonNull(x, "grad: x");
        Objects.requireNonNull(seed, "grad: seed");
        tape.checkSameTape("grad", x);
        tape.checkSameTape("grad", seed);
        checkArgument(seed.shape.equals(shape), "grad: seed of shape %s for a tensor of shape %s; they must match",
                seed.shape, shape);
        return tape.gradient(id, seed, x);
    }

    // ---- PyTorch names

    /** The number of elements, {@code shape().size()} (PyTorch's {@code numel()}). */
    public int numel() {
        return shape.size();
    }

    /** The number of axes, {@code shape().rank()} (PyTorch's {@code dim()}). */
    public int dim() {
        return shape.rank();
    }

    /**
     * This tensor with a new axis of size 1 at {@code axis}, as {@code torch.unsqueeze}; {@code axis} is in
     * {@code [-rank - 1, rank]}, negative counting from the end of the result. Does not modify this tensor.
     */
    public Tensor unsqueeze(int axis) {
        return reshape(Layout.unsqueezed(shape, axis));
    }

    /** This tensor without its axes of size 1, as {@code torch.squeeze()}; a tensor of one element becomes 0-d. */
    public Tensor squeeze() {
        return reshape(Layout.squeezed(shape));
    }

    /** This tensor without {@code axis} if it has size 1, else unchanged, as {@code torch.squeeze(dim)}. */
    public Tensor squeeze(int axis) {
        int[] d = Layout.squeezed(shape, axis);
        return d.length == shape.rank() ? this : reshape(d);
    }

    /** This tensor as one axis, row-major, as {@code torch.flatten}; a 0-d tensor gives shape {@code [1]}. */
    public Tensor flatten() {
        return reshape(shape.size());
    }

    /** Axes {@code start} to {@code end} (inclusive; negative from the end) merged, as {@code torch.flatten(x, s, e)}. */
    public Tensor flatten(int start, int end) {
        return reshape(Layout.flattened(shape, start, end));
    }

    /** The transpose of a matrix, as {@code torch.t}; a 0-d or 1-D tensor as is; an error for more than 2 axes. */
    public Tensor t() {
        checkArgument(shape.rank() <= 2, "t: expects at most 2 dimensions, got shape %s; use transpose(a, b) or "
                + "permute(...) for more", shape);
        return shape.rank() == 2 ? transpose(0, 1) : this;
    }

    /** {@code x^2} elementwise: {@code mul(this)}, so {@code dy/dx = 2x}. */
    public Tensor square() {
        return mul(this);
    }

    /** Each element raised to at least {@code min}, as {@code torch.clamp_min}; see {@link #clamp}. */
    public Tensor clampMin(double min) {
        return clamp(min, Double.POSITIVE_INFINITY);
    }

    /** Each element lowered to at most {@code max}, as {@code torch.clamp_max}; see {@link #clamp}. */
    public Tensor clampMax(double max) {
        return clamp(Double.NEGATIVE_INFINITY, max);
    }

    /** The constant 0/1 mask {@code this > o}, broadcast, as {@code torch.gt}; see {@link Compare}. */
    public Tensor gt(Tensor o) {
        return Compare.GT.mask(this, Objects.requireNonNull(o, "gt: other"));
    }

    /** The constant 0/1 mask {@code this > c}. */
    public Tensor gt(double c) {
        return Compare.GT.mask(this, tape.constant(c).asTensor());
    }

    /** The constant 0/1 mask {@code this < o}, broadcast, as {@code torch.lt}. */
    public Tensor lt(Tensor o) {
        return Compare.LT.mask(this, Objects.requireNonNull(o, "lt: other"));
    }

    /** The constant 0/1 mask {@code this < c}. */
    public Tensor lt(double c) {
        return Compare.LT.mask(this, tape.constant(c).asTensor());
    }

    /** The constant 0/1 mask {@code this >= o}, broadcast, as {@code torch.ge}. */
    public Tensor ge(Tensor o) {
        return Compare.GE.mask(this, Objects.requireNonNull(o, "ge: other"));
    }

    /** The constant 0/1 mask {@code this >= c}. */
    public Tensor ge(double c) {
        return Compare.GE.mask(this, tape.constant(c).asTensor());
    }

    /** The constant 0/1 mask {@code this <= o}, broadcast, as {@code torch.le}. */
    public Tensor le(Tensor o) {
        return Compare.LE.mask(this, Objects.requireNonNull(o, "le: other"));
    }

    /** The constant 0/1 mask {@code this <= c}. */
    public Tensor le(double c) {
        return Compare.LE.mask(this, tape.constant(c).asTensor());
    }

    /** The constant 0/1 mask {@code this == o}, broadcast, as {@code torch.eq}; NaN equals nothing. */
    public Tensor eq(Tensor o) {
        return Compare.EQ.mask(this, Objects.requireNonNull(o, "eq: other"));
    }

    /** The constant 0/1 mask {@code this == c}. */
    public Tensor eq(double c) {
        return Compare.EQ.mask(this, tape.constant(c).asTensor());
    }

    /** The constant 0/1 mask {@code this != o}, broadcast, as {@code torch.ne}; NaN differs from everything. */
    public Tensor ne(Tensor o) {
        return Compare.NE.mask(this, Objects.requireNonNull(o, "ne: other"));
    }

    /** The constant 0/1 mask {@code this != c}. */
    public Tensor ne(double c) {
        return Compare.NE.mask(this, tape.constant(c).asTensor());
    }

    /**
     * {@code cond ? a : b} elementwise, the three broadcast together, as {@code torch.where(cond, a, b)};
     * {@code cond} is a 0/1 mask such as {@code x.gt(0)}. Gradients flow into {@code a} where the mask is 1
     * and into {@code b} where it is 0, none into the mask; see {@link Where}.
     */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) {
        return Where.INSTANCE.apply(Objects.requireNonNull(cond, "where: cond"), a, b).asTensor();
    }

    /** {@code cond ? a : b} with the constant {@code b}, as {@code torch.where(cond, a, 0.0)}. */
    public static Tensor where(Tensor cond, Tensor a, double b) {
        return where(cond, a, Objects.requireNonNull(a, "where: a").tape.constant(b).asTensor());
    }

    /** {@code cond ? a : b} with the constant {@code a}. */
    public static Tensor where(Tensor cond, double a, Tensor b) {
        return where(cond, Objects.requireNonNull(b, "where: b").tape.constant(a).asTensor(), b);
    }

    /** The Euclidean norm of all elements, as {@code torch.norm()}; its gradient is 0 at 0; see {@link Norm}. */
    public Scalar norm() {
        return (Scalar) tape.record(Norm.ofAll(), this);
    }

    /** The Euclidean norm over {@code axis}, dropping it, as {@code torch.norm(dim=axis)}. */
    public Tensor norm(int axis) {
        return norm(axis, false);
    }

    /** The Euclidean norm over {@code axis}; {@code keepDims} keeps it with size 1. */
    public Tensor norm(int axis, boolean keepDims) {
        return op(Norm.over(axis, keepDims), this);
    }

    /**
     * The variance of all elements with Bessel's correction, as {@code torch.var()}:
     * {@code sum((x - mean)^2) / (n - 1)}; {@code dy/dx = 2 (x - mean) / (n - 1)}. NaN for one element.
     */
    public Scalar var() {
        return var(true);
    }

    /** The variance of all elements, divided by {@code n - 1} if {@code unbiased} (PyTorch's default), else {@code n}. */
    public Scalar var(boolean unbiased) {
        return Spread.variance(this, unbiased);
    }

    /** The variance over {@code axis} with Bessel's correction, dropping the axis, as {@code torch.var(dim)}. */
    public Tensor var(int axis) {
        return var(axis, true, false);
    }

    /** The variance over {@code axis}, corrected if {@code unbiased}; {@code keepDims} keeps the axis with size 1. */
    public Tensor var(int axis, boolean unbiased, boolean keepDims) {
        return Spread.variance(this, axis, unbiased, keepDims);
    }

    /**
     * The standard deviation of all elements with Bessel's correction, as {@code torch.std()}: the square root
     * of {@link #var()}, with gradient 0 where it is 0, as PyTorch's.
     */
    public Scalar std() {
        return std(true);
    }

    /** The standard deviation of all elements, corrected if {@code unbiased}. */
    public Scalar std(boolean unbiased) {
        return Spread.deviation(this, unbiased);
    }

    /** The standard deviation over {@code axis} with Bessel's correction, dropping the axis. */
    public Tensor std(int axis) {
        return std(axis, true, false);
    }

    /** The standard deviation over {@code axis}, corrected if {@code unbiased}; {@code keepDims} keeps the axis. */
    public Tensor std(int axis, boolean unbiased, boolean keepDims) {
        return Spread.deviation(this, axis, unbiased, keepDims);
    }

    /** {@code ln sum exp} over {@code axis}, stable for large inputs, as {@code torch.logsumexp}; see {@link LogSumExp}. */
    public Tensor logsumexp(int axis) {
        return logsumexp(axis, false);
    }

    /** {@code ln sum exp} over {@code axis}; {@code keepDims} keeps it with size 1. */
    public Tensor logsumexp(int axis, boolean keepDims) {
        return op(new LogSumExp(axis, keepDims), this);
    }

    /** The leaky relu with PyTorch's default slope 0.01; see {@link LeakyRelu}. */
    public Tensor leakyRelu() {
        return leakyRelu(LeakyRelu.DEFAULT_SLOPE);
    }

    /** {@code x > 0 ? x : slope x} elementwise, as {@code F.leaky_relu(x, slope)}. */
    public Tensor leakyRelu(double slope) {
        return op(new LeakyRelu(slope), this);
    }

    /** {@code ln(1 + e^x)}, stable for large inputs, as {@code F.softplus}; see {@link Softplus}. */
    public Tensor softplus() {
        return op(Softplus.INSTANCE, this);
    }

    /**
     * The elements along {@code axis} at {@code index}, as {@code torch.gather(x, axis, index)}: {@code index}
     * is a tensor of whole numbers (read now, no gradient) of this tensor's rank; the result has its shape.
     * Gradients are summed back into the picked elements; see {@link Gather}.
     *
     * @throws IllegalArgumentException naming the shapes, or the index and its position, when they do not fit
     */
    public Tensor gather(int axis, Tensor index) {
        return op(Gather.of(axis, index), this);
    }

    /**
     * The slices {@code indices} along {@code axis}, in that order, as {@code torch.index_select}: a batch of
     * rows is {@code x.indexSelect(0, rows)}. Gradients are summed back into the selected slices.
     */
    public Tensor indexSelect(int axis, int... indices) {
        return op(Gather.indexSelect(axis, indices, shape), this);
    }

    /** The row-major position of the first largest element, as {@code torch.argmax().item()}; NaN counts as largest. */
    public int argmax() {
        return (int) tape.record(Argmax.ofAll(), detach()).asTensor().item();
    }

    /**
     * The index of the first largest element along {@code axis}, dropping it, as {@code torch.argmax(dim)}: a
     * constant tensor of whole numbers, so that {@code logits.argmax(1).eq(labels).mean()} is the accuracy.
     */
    public Tensor argmax(int axis) {
        return argmax(axis, false);
    }

    /** The index of the first largest element along {@code axis}; {@code keepDims} keeps the axis with size 1. */
    public Tensor argmax(int axis, boolean keepDims) {
        return tape.record(Argmax.over(axis, keepDims), detach()).asTensor();
    }

    /** The row-major position of the first smallest element, as {@code torch.argmin().item()}; NaN counts as smallest. */
    public int argmin() {
        return (int) tape.record(Argmax.minOfAll(), detach()).asTensor().item();
    }

    /** The index of the first smallest element along {@code axis}, dropping it, as {@code torch.argmin(dim)}. */
    public Tensor argmin(int axis) {
        return argmin(axis, false);
    }

    /** The index of the first smallest element along {@code axis}; {@code keepDims} keeps the axis with size 1. */
    public Tensor argmin(int axis, boolean keepDims) {
        return tape.record(Argmax.minOver(axis, keepDims), detach()).asTensor();
    }

    private Tensor op(Op op, Node... inputs) {
        return tape.record(op, inputs).asTensor();
    }

    @Override
    public String toString() {
        return TensorFormat.format("tensor", shape, tape.rec.valuesOf(id), tape.rec.requiresGrad(id) ? ", requires_grad=True" : "");
    }
}
