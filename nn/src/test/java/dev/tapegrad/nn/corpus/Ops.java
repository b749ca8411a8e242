package dev.tapegrad.nn.corpus;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tapegrad.autograd.Node;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.nn.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** The corpus language's ops, each mapped onto the public Tapegrad call of the same name. */
final class Ops {
    private Ops() {}

    /** Builds the Linear layer of a {@code linear} op from its weight and bias input nodes. */
    interface LinearFactory {
        Tensor apply(Tensor x, int weightNode, int biasNode);
    }

    /** Applies {@code op} to the nodes it names. */
    static Node apply(JsonObject op, IntFunction<Node> node, LinearFactory linear) {
        String name = op.get("op").getAsString();
        JsonArray in = op.getAsJsonArray("in");
        List<Node> x = new ArrayList<>();
        if (!name.equals("linear")) {
            for (int i = 0; i < in.size(); i++) {
                x.add(node.apply(in.get(i).getAsInt()));
            }
        }
        Node a = x.isEmpty() ? null : x.get(0);
        return switch (name) {
            case "neg", "exp", "log", "sqrt", "abs", "tanh", "sigmoid", "relu", "sin", "cos" -> unary(name, a);
            case "add", "sub", "mul", "div", "pow" -> binary(name, a, x.get(1));
            case "addc", "subc", "mulc", "divc", "powc" -> constant(name, a, Double.parseDouble(op.get("c").getAsString()));
            case "matmul" -> t(a).matmul(t(x.get(1)));
            case "transpose" -> op.has("a") ? t(a).transpose(i(op, "a"), i(op, "b")) : t(a).transpose();
            case "permute" -> t(a).permute(Program.ints(op.getAsJsonArray("perm")));
            case "reshape" -> t(a).reshape(Program.ints(op.getAsJsonArray("dims")));
            case "sumAll" -> t(a).sum();
            case "meanAll" -> t(a).mean();
            case "maxAll" -> t(a).max();
            case "minAll" -> t(a).min();
            case "sum" -> t(a).sum(i(op, "axis"), keep(op));
            case "mean" -> t(a).mean(i(op, "axis"), keep(op));
            case "max" -> t(a).max(i(op, "axis"), keep(op));
            case "min" -> t(a).min(i(op, "axis"), keep(op));
            case "softmax" -> t(a).softmax(i(op, "axis"));
            case "logSoftmax" -> t(a).logSoftmax(i(op, "axis"));
            case "get" -> t(a).get(Program.ints(op.getAsJsonArray("index")));
            case "slice" -> t(a).slice(i(op, "axis"), i(op, "from"), i(op, "to"));
            case "concat" -> Tensor.concat(i(op, "axis"), x.stream().map(Node::asTensor).toList());
            case "stack" -> Tensor.stack(i(op, "axis"), x);
            case "asTensor" -> ((Scalar) a).asTensor();
            case "mse" -> Loss.mse(t(a), t(x.get(1)));
            case "bce" -> Loss.bce(t(a), t(x.get(1)));
            case "bceWithLogits" -> Loss.bceWithLogits(t(a), t(x.get(1)));
            case "crossEntropy" -> Loss.crossEntropy(t(a), Program.ints(op.getAsJsonArray("classes")));
            case "crossEntropyProbs" -> Loss.crossEntropy(t(a), t(x.get(1)));
            case "linear" -> linear.apply(t(node.apply(in.get(0).getAsInt())), in.get(1).getAsInt(), in.get(2).getAsInt());
            default -> throw new IllegalArgumentException("unknown op " + name);
        };
    }

    private static Tensor t(Node n) {
        return n.asTensor();
    }

    private static int i(JsonObject op, String key) {
        return op.get(key).getAsInt();
    }

    private static boolean keep(JsonObject op) {
        return op.get("keep").getAsBoolean();
    }

    private static Node unary(String name, Node a) {
        if (a instanceof Scalar s) {
            return switch (name) {
                case "neg" -> s.neg();
                case "exp" -> s.exp();
                case "log" -> s.log();
                case "sqrt" -> s.sqrt();
                case "abs" -> s.abs();
                case "tanh" -> s.tanh();
                case "sigmoid" -> s.sigmoid();
                case "relu" -> s.relu();
                case "sin" -> s.sin();
                default -> s.cos();
            };
        }
        Tensor x = a.asTensor();
        return switch (name) {
            case "neg" -> x.neg();
            case "exp" -> x.exp();
            case "log" -> x.log();
            case "sqrt" -> x.sqrt();
            case "abs" -> x.abs();
            case "tanh" -> x.tanh();
            case "sigmoid" -> x.sigmoid();
            case "relu" -> x.relu();
            case "sin" -> x.sin();
            default -> x.cos();
        };
    }

    private static Node binary(String name, Node a, Node b) {
        if (a instanceof Scalar s && b instanceof Scalar o) {
            return switch (name) {
                case "add" -> s.add(o);
                case "sub" -> s.sub(o);
                case "mul" -> s.mul(o);
                case "div" -> s.div(o);
                default -> s.pow(o);
            };
        }
        if (a instanceof Scalar s) {
            Tensor o = b.asTensor();
            return switch (name) {
                case "add" -> s.add(o);
                case "sub" -> s.sub(o);
                case "mul" -> s.mul(o);
                case "div" -> s.div(o);
                default -> throw new IllegalArgumentException("Scalar.pow(Tensor) is not in the API");
            };
        }
        Tensor x = a.asTensor();
        if (b instanceof Scalar o) {
            return switch (name) {
                case "add" -> x.add(o);
                case "sub" -> x.sub(o);
                case "mul" -> x.mul(o);
                case "div" -> x.div(o);
                default -> x.pow(o);
            };
        }
        Tensor o = b.asTensor();
        return switch (name) {
            case "add" -> x.add(o);
            case "sub" -> x.sub(o);
            case "mul" -> x.mul(o);
            case "div" -> x.div(o);
            default -> x.pow(o);
        };
    }

    private static Node constant(String name, Node a, double c) {
        if (a instanceof Scalar s) {
            return switch (name) {
                case "addc" -> s.add(c);
                case "subc" -> s.sub(c);
                case "mulc" -> s.mul(c);
                case "divc" -> s.div(c);
                default -> s.pow(c);
            };
        }
        Tensor x = a.asTensor();
        return switch (name) {
            case "addc" -> x.add(c);
            case "subc" -> x.sub(c);
            case "mulc" -> x.mul(c);
            case "divc" -> x.div(c);
            default -> x.pow(c);
        };
    }
}
