package dev.tapegrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * {@link Sequential} runs a {@link Linear} and the {@link Sigmoid} after it as one op: its outputs and
 * every parameter's gradient must be those of the layers applied one at a time, bit for bit, for one
 * sample, a batch and leading batch dimensions, and the tape must hold one node fewer per pair.
 */
class FusedLinearSigmoidTest {
    private static double[] inputs(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(0.7 * i + 0.2) * 2;
        }
        return x;
    }

    /** The network's output and the gradient of {@code sum(out^2)} for each parameter, on a fresh tape. */
    private static double[][] run(Sequential net, Shape shape, BiFunction<Sequential, Tensor, Tensor> forward, int[] nodes) {
        Tape tape = new Tape();
        Tensor y = forward.apply(net, tape.constant(shape, inputs(shape.size())));
        nodes[0] = tape.size();
        Scalar loss = y.mul(y).sum();
        Gradients g = loss.backward();
        List<Parameter> ps = net.parameters();
        double[][] out = new double[ps.size() + 1][];
        out[0] = y.values();
        for (int k = 0; k < ps.size(); k++) {
            out[k + 1] = g.of(ps.get(k));
        }
        return out;
    }

    private static Tensor oneByOne(Sequential net, Tensor x) {
        Tensor y = x;
        for (Layer l : net.layers()) {
            y = l.forward(y);
        }
        return y;
    }

    @Test
    void fusedPairsGiveTheLayersOwnValuesAndGradients() {
        Sequential net = new Sequential(new Linear(5, 40, new SplittableRandom(3)), new Sigmoid(),
                new Linear(40, 2, new SplittableRandom(4)), new Sigmoid(), new Linear(2, 3, new SplittableRandom(5)));
        for (Shape shape : List.of(Shape.of(5), Shape.of(1, 5), Shape.of(7, 5), Shape.of(2, 3, 5))) {
            int[] fusedNodes = new int[1];
            int[] plainNodes = new int[1];
            double[][] fused = run(net, shape, Sequential::forward, fusedNodes);
            double[][] plain = run(net, shape, FusedLinearSigmoidTest::oneByOne, plainNodes);
            for (int k = 0; k < fused.length; k++) {
                assertArrayEquals(plain[k], fused[k], shape + (k == 0 ? ": output" : ": gradient of parameter " + (k - 1)));
            }
            assertEquals(plainNodes[0] - 2, fusedNodes[0], shape + ": two pairs, two nodes fewer");
        }
    }

    @Test
    void aSigmoidNotAfterALinearRunsAlone() {
        Sequential net = new Sequential(new Sigmoid(), new Linear(3, 2, new SplittableRandom(6)), new Tanh(), new Sigmoid());
        int[] fusedNodes = new int[1];
        int[] plainNodes = new int[1];
        double[][] fused = run(net, Shape.of(4, 3), Sequential::forward, fusedNodes);
        double[][] plain = run(net, Shape.of(4, 3), FusedLinearSigmoidTest::oneByOne, plainNodes);
        assertArrayEquals(plain[0], fused[0]);
        assertEquals(plainNodes[0], fusedNodes[0]);
    }
}
