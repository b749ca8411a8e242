package dev.tapegrad.autograd;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tapegrad.autograd.ops.Domains;
import dev.tapegrad.autograd.ops.GradProperty;
import java.util.Arrays;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;

/**
 * Random, often invalid, arguments to every shape-taking op: each call either succeeds (and then
 * its backward runs) or fails with an IllegalArgumentException that names the op. Never an
 * ArrayIndexOutOfBoundsException or any other exception from inside a kernel.
 */
class BadInputPropertiesTest {
    @Provide
    Arbitrary<Shape> shapes() {
        return Domains.shapes(0, 3, 0, 3);
    }

    @Provide
    Arbitrary<int[]> args() {
        return Arbitraries.integers().between(-5, 5).array(int[].class).ofMinSize(0).ofMaxSize(4);
    }

    private static void call(String op, Supplier<Node> f) {
        Node out;
        try {
            out = f.get();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage() != null && e.getMessage().startsWith(op),
                    () -> "expected a message starting with '" + op + "', got: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            fail(op + " threw " + e, e);
            return;
        }
        if (out.shape().size() > 0) {
            double[] seed = new double[out.shape().size()];
            Arrays.fill(seed, 1.0);
            out.asTensor().backward(seed);
        }
    }

    private static Tensor tensor(Tape tape, Shape s) {
        double[] v = new double[s.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.5 + 0.25 * i;
        }
        return tape.tensor(s, v);
    }

    @GradProperty
    void axisAndIndexArguments(@ForAll("shapes") Shape s, @ForAll("args") int[] args, @ForAll boolean keep) {
        Tape tape = new Tape();
        Tensor t = tensor(tape, s);
        int a0 = args.length > 0 ? args[0] : 0;
        int a1 = args.length > 1 ? args[1] : 0;
        int a2 = args.length > 2 ? args[2] : 0;
        call("get", () -> t.get(args));
        call("slice", () -> t.slice(a0, a1, a2));
        call("sum", () -> t.sum(a0, keep));
        call("mean", () -> t.mean(a0, keep));
        call("max", () -> t.max(a0, keep));
        call("min", () -> t.min(a0, keep));
        call("softmax", () -> t.softmax(a0));
        call("logSoftmax", () -> t.logSoftmax(a0));
        call("permute", () -> t.permute(args));
        call("reshape", () -> t.reshape(args));
        call("transpose", t::transpose);
        call("max", t::max);
        call("min", t::min);
        call("mean", t::mean);
        call("item", () -> tape.scalar(t.item()));
        call("backward", () -> {
            t.exp().backward();
            return t;
        });
    }

    @GradProperty
    void twoShapeArguments(@ForAll("shapes") Shape s, @ForAll("shapes") Shape u, @ForAll("args") int[] args) {
        Tape tape = new Tape();
        Tensor t = tensor(tape, s);
        Tensor w = tensor(tape, u);
        int axis = args.length > 0 ? args[0] : 0;
        call("add", () -> t.add(w));
        call("sub", () -> t.sub(w));
        call("mul", () -> t.mul(w));
        call("div", () -> t.div(w));
        call("pow", () -> t.pow(w));
        call("matmul", () -> t.matmul(w));
        call("concat", () -> Tensor.concat(axis, t, w));
        call("stack", () -> Tensor.stack(axis, t, w));
        call("tensor", () -> tape.tensor(s, new double[u.size()]));
        call("constant", () -> tape.constant(u, new double[s.size()]));
        call("backward", () -> {
            t.backward(new double[u.size()]);
            return t;
        });
    }

    @Provide
    Arbitrary<int[]> dims() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-2, 3), Arbitraries.of(0, 65536, 1 << 20,
                Integer.MAX_VALUE)).array(int[].class).ofMinSize(0).ofMaxSize(4);
    }

    /**
     * Any dimensions give a shape whose size is their product (0 if one is 0, however large the others),
     * or an IllegalArgumentException naming the shape; slicing and joining such shapes likewise.
     */
    @GradProperty
    void shapesOfAnySize(@ForAll("dims") int[] dims, @ForAll("args") int[] args) {
        long product = 1;
        boolean negative = false;
        for (int d : dims) {
            product = d == 0 || product == 0 ? 0 : product > Integer.MAX_VALUE ? product : product * Math.abs(d);
            negative |= d < 0;
        }
        Shape s;
        try {
            s = Shape.of(dims);
        } catch (IllegalArgumentException e) {
            assertTrue(negative || product > Integer.MAX_VALUE, "refused " + Arrays.toString(dims));
            assertTrue(e.getMessage().contains(Arrays.toString(dims)), e.getMessage());
            return;
        }
        assertTrue(!negative && s.size() == product, Arrays.toString(dims) + " has size " + s.size());
        if (s.size() == 0) { // only empty tensors are cheap enough to make at these sizes
            Tape tape = new Tape();
            Tensor t = tape.zeros(s);
            int a0 = args.length > 0 ? args[0] : 0;
            call("concat", () -> Tensor.concat(a0, t, t));
            call("slice", () -> t.slice(a0, args.length > 1 ? args[1] : 0, args.length > 2 ? args[2] : 0));
            call("permute", () -> t.permute(args));
        }
    }
}
