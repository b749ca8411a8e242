package dev.tapegrad.autograd;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.ops.Dot;
import dev.tapegrad.autograd.ops.Identity;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * Derivatives of functions, as PyTorch's {@code torch.autograd.functional} and JAX's {@code grad},
 * {@code vjp}, {@code jvp}, {@code jacobian}, {@code hessian}. Every result is a node on {@code x}'s
 * tape, so the calls nest: a derivative of a derivative is a derivative. The exceptions are asked for by
 * name: {@code jacobian} and {@code hessian} with {@code createGraph = false} return values only, as a
 * constant (PyTorch's default), for when nothing will differentiate them again.
 *
 * <p>Each call hands its function a fresh node equal to {@code x} and differentiates with respect to
 * that node only, so a function that captures an outer argument, or calls {@code Functional} itself,
 * never mixes up whose derivative is whose (no perturbation confusion): with
 * {@code D(g)(a) = grad(g, a)}, {@code D(x -> x * D(y -> x * y)(1))(4)} is 8.
 *
 * <p>None of these methods modifies {@code x} or the other arguments; each records nodes on their tape.
 */
public final class Functional {
    private Functional() {}

    /** {@code df/dx}, of {@code x}'s shape, for a scalar-valued {@code f}. */
    public static Tensor grad(Function<Tensor, Scalar> f, Tensor x) {
        Tensor arg = fresh("grad", f, x);
        return call("grad", f, arg).grad(arg);
    }

    /** The vector-Jacobian product {@code u^T J}, of {@code x}'s shape; {@code u} has {@code f(x)}'s shape. */
    public static Tensor vjp(Function<Tensor, Tensor> f, Tensor x, Tensor u) {
        Tensor arg = fresh("vjp", f, x);
        Objects.requireNonNull(u, "vjp: u");
        x.tape().checkSameTape("vjp", u);
        Tensor y = call("vjp", f, arg);
        checkArgument(u.shape().equals(y.shape()), "vjp: u has shape %s but f(x) has shape %s", u.shape(), y.shape());
        return y.grad(arg, u);
    }

    /**
     * The Jacobian-vector product {@code J v}, of {@code f(x)}'s shape; {@code v} has {@code x}'s shape.
     * Computed as the derivative of the linear map {@code u -> u^T J} in the direction {@code v}: two
     * reverse sweeps, the second through the first.
     */
    public static Tensor jvp(Function<Tensor, Tensor> f, Tensor x, Tensor v) {
        Tensor arg = fresh("jvp", f, x);
        Objects.requireNonNull(v, "jvp: v");
        x.tape().checkSameTape("jvp", v);
        checkArgument(v.shape().equals(x.shape()), "jvp: v has shape %s but x has shape %s", v.shape(), x.shape());
        Tensor y = call("jvp", f, arg);
        // A variable direction u, so that u -> u^T J is a function the second sweep can differentiate.
        Tensor u = x.tape().zeros(y.shape());
        return y.grad(arg, u).grad(u, v);
    }

    /**
     * The Jacobian of {@code f} at {@code x}, of shape {@code f(x).shape ++ x.shape}: one reverse sweep
     * per element of {@code f(x)}.
     */
    public static Tensor jacobian(Function<Tensor, Tensor> f, Tensor x) {
        Tensor arg = fresh("jacobian", f, x);
        Tensor y = call("jacobian", f, arg);
        int m = y.shape().size();
        Tape tape = x.tape();
        Tensor[] rows = new Tensor[m];
        boolean flat = x.shape().rank() == 1;
        for (int i = 0; i < m; i++) {
            double[] e = new double[m];
            e[i] = 1.0;
            Tensor row = y.grad(arg, tape.constant(y.shape(), e));
            rows[i] = flat ? row : row.reshape(x.shape().size());
        }
        int[] dims = concat(y.shape().dims(), x.shape().dims());
        if (m == 0) {
            return tape.constant(Shape.of(dims), new double[0]);
        }
        return Tensor.stack(0, rows).reshape(dims);
    }

    /**
     * The Jacobian of {@code f} at {@code x}, as {@link #jacobian(Function, Tensor)} when {@code createGraph},
     * else as values only (PyTorch's {@code jacobian(..., create_graph=False)}, its default): a constant of
     * shape {@code f(x).shape ++ x.shape}, from one numeric reverse sweep per element of {@code f(x)} that
     * records nothing. That costs a fraction of the recorded form, but the result is a constant: nothing
     * differentiates through it (its gradient with respect to {@code x} is taken as zero).
     */
    public static Tensor jacobian(Function<Tensor, Tensor> f, Tensor x, boolean createGraph) {
        if (createGraph) {
            return jacobian(f, x);
        }
        Tensor arg = fresh("jacobian", f, x);
        return valuesOfJacobian(call("jacobian", f, arg), arg);
    }

    /** The Hessian of a scalar-valued {@code f} at {@code x}, of shape {@code x.shape ++ x.shape}. */
    public static Tensor hessian(Function<Tensor, Scalar> f, Tensor x) {
        Objects.requireNonNull(f, "hessian: f");
        return jacobian(z -> grad(f, z), x);
    }

    /**
     * The Hessian of a scalar-valued {@code f} at {@code x}, as {@link #hessian(Function, Tensor)} when
     * {@code createGraph}, else as values only (PyTorch's {@code hessian(..., create_graph=False)}, its
     * default): the gradient of {@code f} is recorded once, and each row of the Hessian is a numeric reverse
     * sweep through it that records nothing. The result is a constant that nothing differentiates through.
     */
    public static Tensor hessian(Function<Tensor, Scalar> f, Tensor x, boolean createGraph) {
        Objects.requireNonNull(f, "hessian: f");
        return jacobian(z -> grad(f, z), x, createGraph);
    }

    /** The Hessian-vector product {@code H v} of a scalar-valued {@code f}, of {@code x}'s shape. */
    public static Tensor hvp(Function<Tensor, Scalar> f, Tensor x, Tensor v) {
        Tensor arg = fresh("hvp", f, x);
        Objects.requireNonNull(v, "hvp: v");
        x.tape().checkSameTape("hvp", v);
        checkArgument(v.shape().equals(x.shape()), "hvp: v has shape %s but x has shape %s", v.shape(), x.shape());
        Tensor g = call("hvp", f, arg).grad(arg);
        // <g, v> as one dot node: its gradient under the unit seed is v itself, so nothing more is recorded.
        return ((Scalar) Dot.INSTANCE.apply(g, v)).grad(arg);
    }

    /** {@code dy/d(arg)} as a constant, one numeric sweep from {@code y} per element of {@code y}. */
    private static Tensor valuesOfJacobian(Tensor y, Tensor arg) {
        Tape tape = arg.tape();
        int m = y.shape().size();
        int n = arg.shape().size();
        double[] jac = new double[m * n];
        double[] seed = new double[m];
        for (int i = 0; i < m; i++) {
            seed[i] = 1.0; // the sweep reads the seed and keeps no reference to it
            double[] row = tape.backward(y.id, seed, true).of(arg);
            seed[i] = 0.0;
            System.arraycopy(row, 0, jac, i * n, n);
        }
        return tape.owned(Shape.of(concat(y.shape().dims(), arg.shape().dims())), jac, false);
    }

    /** A new node equal to {@code x}, whose derivative is counted only along paths through it. */
    private static Tensor fresh(String name, Object f, Tensor x) {
        Objects.requireNonNull(f, name + ": f");
        Objects.requireNonNull(x, name + ": x");
        return x.tape().record(Identity.INSTANCE, true, x).asTensor();
    }

    private static <T extends Node> T call(String name, Function<Tensor, T> f, Tensor arg) {
        T y = f.apply(arg);
        if (y == null) {
            throw new NullPointerException(name + ": f returned null");
        }
        arg.tape().checkSameTape(name, y);
        return y;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
