package dev.tapegrad.autograd.programs;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A random tensor program: an expression tree up to a given depth whose every node has a shape that
 * broadcasts to one base shape, so any two subtrees can be combined. It mixes elementwise ops
 * (broadcasting), reductions with and without keepDims, max/min, softmax, matmul, permute, transpose
 * and reshape round trips, slice+concat, stack, get into a Scalar and Scalar fast-path ops back into
 * the tensor. Built once from a seed (the choices are data), then evaluated as often as GradCheck
 * needs; {@link #toString()} prints the program for a failure message.
 */
final class TensorProgram {
    /** One node: how to build it on a tape, its shape, and its text. */
    private interface Step {
        Tensor eval(List<Tensor> vars, Guard guard);
    }

    private record Node(Shape shape, Step step, String text) {}

    private static final int MAX_VARIABLES = 4;

    private final SplittableRandom rng;
    private final Shape base;
    private final List<GradCheck.Input> variables = new ArrayList<>();
    /** The variables that broadcast to the base shape (not matmul weights), for reuse as leaves. */
    private final List<Integer> operands = new ArrayList<>();
    private final Node root;

    private TensorProgram(long seed, int depth) {
        rng = new SplittableRandom(seed);
        int[] dims = new int[1 + rng.nextInt(3)];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = 1 + rng.nextInt(3);
        }
        base = Shape.of(dims);
        root = node(depth);
    }

    /** The program built from {@code seed}, at most {@code depth} deep. */
    static TensorProgram of(long seed, int depth) {
        return new TensorProgram(seed, depth);
    }

    /** The variables' shapes and values. */
    List<GradCheck.Input> variables() {
        return variables;
    }

    /** Builds the program on the tape of {@code vars}. */
    Tensor eval(List<Tensor> vars, Guard guard) {
        return root.step.eval(vars, guard);
    }

    @Override
    public String toString() {
        return "base " + base + ", variables " + variables.stream().map(GradCheck.Input::shape).toList() + ": "
                + root.text;
    }

    private double value(double lo, double hi) {
        return Math.round((lo + (hi - lo) * rng.nextDouble()) * 1e6) / 1e6;
    }

    private Shape operandShape() {
        int[] d = base.dims();
        int drop = rng.nextInt(3) == 0 ? rng.nextInt(d.length + 1) : 0;
        int[] s = Arrays.copyOfRange(d, drop, d.length);
        for (int i = 0; i < s.length; i++) {
            if (rng.nextInt(4) == 0) {
                s[i] = 1;
            }
        }
        return Shape.of(s);
    }

    private double[] values(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = value(-1.5, 1.5);
        }
        return v;
    }

    private Node variable(Shape s) {
        int k = variables.size();
        variables.add(GradCheck.Input.of(s, values(s.size())));
        return new Node(s, (vars, g) -> vars.get(k), "v" + k + s);
    }

    private Node leaf() {
        if (!operands.isEmpty() && (variables.size() >= MAX_VARIABLES || rng.nextInt(3) == 0)) {
            int k = operands.get(rng.nextInt(operands.size()));
            Shape s = variables.get(k).shape();
            return new Node(s, (vars, g) -> vars.get(k), "v" + k);
        }
        Shape s = operandShape();
        if (rng.nextInt(5) == 0) {
            double[] c = values(s.size());
            return new Node(s, (vars, g) -> vars.get(0).tape().constant(s, c), "const" + s);
        }
        operands.add(variables.size());
        return variable(s);
    }

    private Node node(int depth) {
        if (depth == 0 || rng.nextInt(16) == 0) {
            return leaf();
        }
        int kind = rng.nextInt(16);
        if (kind < 4) {
            return unary(node(depth - 1));
        }
        if (kind < 7) {
            return binary(node(depth - 1), node(depth - 1));
        }
        Node x = node(depth - 1);
        return switch (kind) {
            case 7, 8 -> reduce(x);
            case 9 -> softmax(x);
            case 10 -> matmul(x);
            case 11 -> layout(x);
            case 12 -> sliceConcat(x);
            case 13 -> stack(x);
            case 14 -> element(x);
            default -> whole(x);
        };
    }

    private static final String[] UNARY = {
        "neg", "exp", "log", "sqrt", "abs", "tanh", "sigmoid", "relu", "sin", "cos", "square", "cube", "powc",
        "addc", "subc", "mulc", "divc"
    };

    private Node unary(Node x) {
        String op = UNARY[rng.nextInt(UNARY.length)];
        double c = rng.nextBoolean() ? value(0.3, 1.5) : -value(0.3, 1.5);
        Step s = x.step;
        return new Node(x.shape, (vars, g) -> {
            Tensor t = s.eval(vars, g);
            Tensor y = applyUnary(op, c, t, g);
            g.values(y.values());
            return y;
        }, op + (op.endsWith("c") ? "[" + c + "]" : "") + "(" + x.text + ")");
    }

    private static Tensor applyUnary(String op, double c, Tensor t, Guard g) {
        return switch (op) {
            case "neg" -> t.neg();
            case "exp" -> t.exp();
            case "log" -> t.mul(t).add(0.5).log();
            case "sqrt" -> t.mul(t).add(0.5).sqrt();
            case "abs" -> {
                kinks(t, g);
                yield t.abs();
            }
            case "tanh" -> t.tanh();
            case "sigmoid" -> t.sigmoid();
            case "relu" -> {
                kinks(t, g);
                yield t.relu();
            }
            case "sin" -> t.sin();
            case "cos" -> t.cos();
            case "square" -> t.pow(2.0);
            case "cube" -> t.pow(3.0);
            case "powc" -> t.mul(t).add(0.5).pow(c);
            case "addc" -> t.add(c);
            case "subc" -> t.sub(c);
            case "mulc" -> t.mul(c);
            default -> t.div(c);
        };
    }

    private static void kinks(Tensor t, Guard g) {
        for (double v : t.values()) {
            g.kink(v);
        }
    }

    private static final String[] BINARY = {"add", "sub", "mul", "divpos", "divneg", "pow"};

    private Node binary(Node a, Node b) {
        String op = BINARY[rng.nextInt(BINARY.length)];
        Step sa = a.step;
        Step sb = b.step;
        return new Node(Shape.broadcast(a.shape, b.shape, op), (vars, g) -> {
            Tensor x = sa.eval(vars, g);
            Tensor y = sb.eval(vars, g);
            Tensor z = switch (op) {
                case "add" -> x.add(y);
                case "sub" -> x.sub(y);
                case "mul" -> x.mul(y);
                case "divpos" -> x.div(y.sigmoid().add(0.25));
                case "divneg" -> x.div(y.sigmoid().sub(1.25));
                default -> x.mul(x).add(0.5).pow(y.tanh());
            };
            g.values(z.values());
            return z;
        }, op + "(" + a.text + ", " + b.text + ")");
    }

    private Node reduce(Node x) {
        int r = x.shape.rank();
        if (r == 0) {
            return unary(x);
        }
        int axis = rng.nextInt(r);
        boolean keep = axis != 0 || rng.nextBoolean();
        int signed = rng.nextBoolean() ? axis : axis - r;
        String op = new String[] {"sum", "mean", "max", "min"}[rng.nextInt(4)];
        int[] d = x.shape.dims();
        Shape out;
        if (keep) {
            d[axis] = 1;
            out = Shape.of(d);
        } else {
            out = Shape.of(Arrays.copyOfRange(d, 1, d.length));
        }
        Step s = x.step;
        return new Node(out, (vars, g) -> {
            Tensor t = s.eval(vars, g);
            return switch (op) {
                case "sum" -> t.sum(signed, keep);
                case "mean" -> t.mean(signed, keep);
                case "max" -> {
                    ties(t, axis, g);
                    yield t.max(signed, keep);
                }
                default -> {
                    ties(t.neg(), axis, g);
                    yield t.min(signed, keep);
                }
            };
        }, op + "[axis " + signed + (keep ? ", keep" : "") + "](" + x.text + ")");
    }

    /** Records, per slice along {@code axis}, the gap between the maximum and the nearest different value. */
    private static void ties(Tensor t, int axis, Guard g) {
        int[] d = t.shape().dims();
        double[] v = t.values();
        int inner = 1;
        for (int i = axis + 1; i < d.length; i++) {
            inner *= d[i];
        }
        int outer = v.length / (inner * d[axis]);
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < d[axis]; k++) {
                    max = Math.max(max, v[(o * d[axis] + k) * inner + i]);
                }
                for (int k = 0; k < d[axis]; k++) {
                    double x = v[(o * d[axis] + k) * inner + i];
                    if (x != max) {
                        g.tie(max - x);
                    }
                }
            }
        }
    }

    private Node softmax(Node x) {
        int r = x.shape.rank();
        if (r == 0) {
            return unary(x);
        }
        int axis = rng.nextInt(2 * r) - r;
        boolean log = rng.nextBoolean();
        Step s = x.step;
        return new Node(x.shape, (vars, g) -> log ? s.eval(vars, g).logSoftmax(axis) : s.eval(vars, g).softmax(axis),
                (log ? "logSoftmax" : "softmax") + "[" + axis + "](" + x.text + ")");
    }

    private Node matmul(Node x) {
        int r = x.shape.rank();
        if (r == 0) {
            return unary(x);
        }
        int d = x.shape.dim(-1);
        Node w = variable(Shape.of(d, d));
        Step s = x.step;
        Step sw = w.step;
        if (r >= 2 && rng.nextBoolean()) {
            // (x^T W2)^T keeps the shape and multiplies along the other matrix axis.
            int n = x.shape.dim(-2);
            Node w2 = variable(Shape.of(n, n));
            Step s2 = w2.step;
            return new Node(x.shape, (vars, g) -> s.eval(vars, g).transpose().matmul(s2.eval(vars, g)).transpose(),
                    "transpose(matmul(transpose(" + x.text + "), " + w2.text + "))");
        }
        return new Node(x.shape, (vars, g) -> s.eval(vars, g).matmul(sw.eval(vars, g)),
                "matmul(" + x.text + ", " + w.text + ")");
    }

    private Node layout(Node x) {
        int r = x.shape.rank();
        String op = UNARY[rng.nextInt(UNARY.length)];
        Step s = x.step;
        int[] dims = x.shape.dims();
        if (r < 2 || rng.nextBoolean()) {
            return new Node(x.shape, (vars, g) -> applyUnary(op, 0.5, s.eval(vars, g).reshape(-1), g).reshape(dims),
                    "reshape(" + op + "(flatten(" + x.text + ")))");
        }
        int[] p = new int[r];
        for (int i = 0; i < r; i++) {
            p[i] = i;
        }
        for (int i = r - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        int[] inverse = new int[r];
        for (int i = 0; i < r; i++) {
            inverse[p[i]] = i;
        }
        return new Node(x.shape, (vars, g) -> applyUnary(op, 0.5, s.eval(vars, g).permute(p), g).permute(inverse),
                "permute" + Arrays.toString(inverse) + "(" + op + "(permute" + Arrays.toString(p) + "(" + x.text + ")))");
    }

    private Node sliceConcat(Node x) {
        int[] d = x.shape.dims();
        List<Integer> splittable = new ArrayList<>();
        for (int i = 0; i < d.length; i++) {
            if (d[i] >= 2) {
                splittable.add(i);
            }
        }
        if (splittable.isEmpty()) {
            return unary(x);
        }
        int axis = splittable.get(rng.nextInt(splittable.size()));
        int k = 1 + rng.nextInt(d[axis] - 1);
        String f = UNARY[rng.nextInt(UNARY.length)];
        Step s = x.step;
        return new Node(x.shape, (vars, g) -> {
            Tensor t = s.eval(vars, g);
            return Tensor.concat(axis, applyUnary(f, 0.5, t.slice(axis, 0, k), g), t.slice(axis, k - d[axis], d[axis]));
        }, "concat[" + axis + "](" + f + "(slice[0:" + k + "]), slice[" + k + ":])(" + x.text + ")");
    }

    private Node stack(Node x) {
        int axis = rng.nextInt(x.shape.rank() + 1);
        boolean mean = rng.nextBoolean();
        Step s = x.step;
        return new Node(x.shape, (vars, g) -> {
            Tensor t = s.eval(vars, g);
            Tensor st = Tensor.stack(axis, t, t.sin(), t.mul(t));
            return mean ? st.mean(axis, false) : st.sum(axis, false);
        }, (mean ? "mean" : "sum") + "(stack[" + axis + "](x, sin x, x*x))(" + x.text + ")");
    }

    private Node element(Node x) {
        int[] d = x.shape.dims();
        int[] idx = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            idx[i] = rng.nextInt(2 * d[i]) - d[i];
        }
        Step s = x.step;
        return new Node(x.shape, (vars, g) -> {
            Tensor t = s.eval(vars, g);
            return t.mul(t.get(idx).tanh().mul(0.5).add(1.0));
        }, "x * (tanh(x" + Arrays.toString(idx) + ") / 2 + 1)(" + x.text + ")");
    }

    private Node whole(Node x) {
        int which = rng.nextInt(3);
        Step s = x.step;
        return new Node(x.shape, (vars, g) -> {
            Tensor t = s.eval(vars, g);
            return switch (which) {
                case 0 -> t.sub(t.mean());
                case 1 -> {
                    ties(t.reshape(-1), 0, g);
                    yield t.sub(t.max());
                }
                default -> t.div(t.sum().mul(t.sum()).add(1.0));
            };
        }, new String[] {"x - mean(x)", "x - max(x)", "x / (sum(x)^2 + 1)"}[which] + "(" + x.text + ")");
    }
}
