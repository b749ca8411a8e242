package dev.tapegrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tapegrad.autograd.ops.Domains;
import dev.tapegrad.autograd.ops.GradProperty;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;

/**
 * No op modifies its inputs: for every public op, the inputs' values are the same before the op,
 * after it and after backward; the arrays handed to {@code tape.tensor} are copied (changing them
 * later changes nothing) and left as they were; {@code values()} and gradients are copies.
 */
class InputsUnchangedTest {
    /** An op on a [2, 3] tensor a, a [3] tensor b and a scalar s. */
    interface Call {
        Node apply(Tensor a, Tensor b, Scalar s);
    }

    private static final Map<String, Call> OPS = new LinkedHashMap<>();

    static {
        OPS.put("add", (a, b, s) -> a.add(b));
        OPS.put("addScalar", (a, b, s) -> a.add(s));
        OPS.put("addConst", (a, b, s) -> a.add(2.0));
        OPS.put("sub", (a, b, s) -> a.sub(b));
        OPS.put("subScalar", (a, b, s) -> b.sub(s));
        OPS.put("mul", (a, b, s) -> a.mul(b));
        OPS.put("mulScalar", (a, b, s) -> s.mul(a));
        OPS.put("div", (a, b, s) -> a.div(b.exp()));
        OPS.put("divScalar", (a, b, s) -> a.div(s.exp()));
        OPS.put("pow", (a, b, s) -> a.abs().add(1).pow(b));
        OPS.put("powConst", (a, b, s) -> a.pow(3.0));
        OPS.put("unary", (a, b, s) -> a.neg().exp().log().abs().sqrt().tanh().sigmoid().relu().sin().cos());
        OPS.put("matmul", (a, b, s) -> a.matmul(b));
        OPS.put("matmulBatched", (a, b, s) -> Tensor.stack(0, a, a).matmul(a.transpose()));
        OPS.put("transpose", (a, b, s) -> a.transpose());
        OPS.put("permute", (a, b, s) -> a.permute(1, 0));
        OPS.put("reshape", (a, b, s) -> a.reshape(3, -1));
        OPS.put("sumAll", (a, b, s) -> a.sum());
        OPS.put("meanAll", (a, b, s) -> a.mean());
        OPS.put("maxAll", (a, b, s) -> a.max());
        OPS.put("minAll", (a, b, s) -> a.min());
        OPS.put("sum", (a, b, s) -> a.sum(1, true));
        OPS.put("mean", (a, b, s) -> a.mean(0, false));
        OPS.put("max", (a, b, s) -> a.max(1, false));
        OPS.put("min", (a, b, s) -> a.min(0, true));
        OPS.put("softmax", (a, b, s) -> a.softmax(1));
        OPS.put("logSoftmax", (a, b, s) -> a.logSoftmax(0));
        OPS.put("get", (a, b, s) -> a.get(1, 2));
        OPS.put("slice", (a, b, s) -> a.slice(1, 1, 3));
        OPS.put("concat", (a, b, s) -> Tensor.concat(0, a, b.reshape(1, 3)));
        OPS.put("stack", (a, b, s) -> Tensor.stack(1, b, b.neg()));
        OPS.put("stackScalars", (a, b, s) -> Tensor.stack(s, b.get(0), s.mul(s)));
        OPS.put("scalarOps", (a, b, s) -> s.add(b.get(1)).sub(1).mul(s).div(2).pow(2.0).pow(s.abs().add(1))
                .neg().exp().log().sqrt().abs().tanh().sigmoid().relu().sin().cos());
        OPS.put("detach", (a, b, s) -> a.detach().mul(a));
        OPS.put("custom", (a, b, s) -> UnaryOp.of("softplus", x -> Math.log1p(Math.exp(x)),
                x -> 1 / (1 + Math.exp(-x))).apply(a));
    }

    @Provide
    Arbitrary<String> ops() {
        return Arbitraries.of(OPS.keySet());
    }

    @Provide
    Arbitrary<double[]> values() {
        return Domains.values(Domains.between(-2, 2), 10);
    }

    @GradProperty
    void noOpChangesItsInputs(@ForAll("ops") String name, @ForAll("values") double[] x) {
        double[] av = Arrays.copyOfRange(x, 0, 6);
        double[] bv = Arrays.copyOfRange(x, 6, 9);
        double[] avCopy = av.clone();
        double[] bvCopy = bv.clone();
        Tape tape = new Tape();
        Tensor a = tape.tensor(Shape.of(2, 3), av);
        Tensor b = tape.tensor(Shape.of(3), bv);
        Scalar s = tape.scalar(x[9]);
        av[0] += 100;
        bv[2] -= 100;
        assertArrayEquals(avCopy, a.values(), 0.0, "tape.tensor copies its array");
        assertArrayEquals(bvCopy, b.values(), 0.0, "tape.tensor copies its array");
        av[0] = avCopy[0];
        bv[2] = bvCopy[2];

        Node out = OPS.get(name).apply(a, b, s);
        assertArrayEquals(avCopy, a.values(), 0.0, name + " changed a");
        assertArrayEquals(bvCopy, b.values(), 0.0, name + " changed b");
        assertArrayEquals(new double[] {x[9]}, s.values(), 0.0, name + " changed s");

        double[] outValues = out.values();
        out.values()[0] += 1;
        assertArrayEquals(outValues, out.values(), 0.0, "values() is a copy");
        double[] seed = new double[out.shape().size()];
        Arrays.fill(seed, 0.5);
        double[] seedCopy = seed.clone();
        Gradients g = out.asTensor().backward(seed);
        g.of(a)[0] += 1;
        assertArrayEquals(seedCopy, seed, 0.0, "backward changed its seed");
        assertArrayEquals(avCopy, a.values(), 0.0, name + "'s backward changed a");
        assertArrayEquals(bvCopy, b.values(), 0.0, name + "'s backward changed b");
        assertArrayEquals(outValues, out.values(), 0.0, name + "'s backward changed the output");
        assertArrayEquals(avCopy, av, 0.0);
        assertArrayEquals(bvCopy, bv, 0.0);
        assertArrayEquals(g.of(a), out.asTensor().backward(seed).of(a), 0.0, name + ": backward again differs");
    }
}
