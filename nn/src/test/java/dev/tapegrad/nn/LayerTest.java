package dev.tapegrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Parameter, Linear, activations, Sequential and Mlp. */
class LayerTest {
    @Test
    void copyFromSetsKnownWeightsAndKeepsNoReferenceToTheArray() {
        Parameter p = new Parameter("w", Shape.of(2), 1, 2);
        Tape tape = new Tape();
        Tensor before = p.on(tape);
        double[] known = {0.5, -0.25};
        p.copyFrom(known);
        known[0] = 99;
        assertArrayEquals(new double[] {0.5, -0.25}, p.values());
        assertArrayEquals(new double[] {1, 2}, before.values(), "a tensor already on a tape keeps the old values");
    }

    @Test
    void theLibraryNeverCallsCopyFrom() throws IOException {
        // Only optimizers and checkpoint loading change a parameter; copyFrom is for user code.
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                boolean calls = src.replace("public void copyFrom(", "").contains("copyFrom(");
                assertTrue(!calls || f.endsWith("Parameter.java") && !src.contains(".copyFrom("), f + " calls copyFrom");
            }
        }
    }

    @Test
    void parameterValuesAreACopyAndCopyFromChecksLength() {
        Parameter p = new Parameter("w", Shape.of(2), 1, 2);
        p.values()[0] = 99;
        assertArrayEquals(new double[] {1, 2}, p.values());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.copyFrom(1, 2, 3));
        assertTrue(e.getMessage().contains("'w'") && e.getMessage().contains("3"), e.getMessage());
        assertArrayEquals(new double[] {1, 2}, p.values());
        Tape tape = new Tape();
        assertSame(p.on(tape), p.on(tape), "one tensor per tape");
    }

    @Test
    void linearHasPyTorchLayoutAndDefaultInit() {
        Linear l = new Linear(3, 4, new SplittableRandom(5));
        assertEquals(Shape.of(4, 3), l.weight().shape());
        assertEquals(Shape.of(4), l.bias().shape());
        // PyTorch's default, drawn weight first then bias: U(-1/sqrt(3), 1/sqrt(3)).
        SplittableRandom rng = new SplittableRandom(5);
        double bound = 1 / Math.sqrt(3);
        for (Parameter p : List.of(l.weight(), l.bias())) {
            for (double v : p.values()) {
                assertEquals(-bound + 2 * bound * rng.nextDouble(), v, 1e-15);
            }
        }
        assertEquals(List.of("weight", "bias"), l.parameters().stream().map(Parameter::name).toList());
    }

    @Test
    void layersFromOneGeneratorDifferAndOneSeedRepeats() {
        RandomGenerator rng = new SplittableRandom(0);
        Linear a = new Linear(3, 2, rng);
        Linear b = new Linear(3, 2, rng);
        assertFalse(Arrays.equals(a.weight().values(), b.weight().values()));
        assertArrayEquals(a.weight().values(), new Linear(3, 2, new SplittableRandom(0)).weight().values());
    }

    @Test
    void aParameterPrintsItsNameAndValues() {
        Linear l = Linear.of(new double[][] {{1, 2}, {3, 4}}, new double[] {0.5, -0.5});
        assertEquals("Parameter weight containing:\ntensor([[1., 2.],\n        [3., 4.]], shape=[2, 2], requires_grad=True)",
                l.weight().toString());
    }

    @Test
    void linearForwardOnABatchAndOnOneSample() {
        Linear l = Linear.of(new double[][] {{1, 2, 3}, {-1, 0, 1}}, new double[] {0.5, -0.5});
        Tape tape = new Tape();
        Tensor batch = l.forward(tape.constant(Shape.of(2, 3), 1, 1, 1, 0, 1, 2));
        assertEquals(Shape.of(2, 2), batch.shape());
        assertArrayEquals(new double[] {6.5, -0.5, 8.5, 1.5}, batch.values(), 1e-15);
        Tensor one = l.forward(tape.constant(Shape.of(3), 0, 1, 2));
        assertEquals(Shape.of(2), one.shape());
        assertArrayEquals(new double[] {8.5, 1.5}, one.values(), 1e-15);
    }

    @Test
    void predictGivesOneOutputRowPerInputRow() {
        Linear l = Linear.of(new double[][] {{1, 2, 3}, {-1, 0, 1}}, new double[] {0.5, -0.5});
        double[][] in = {{1, 1, 1}, {0, 1, 2}};
        double[][] out = l.predict(in);
        assertArrayEquals(new double[] {6.5, -0.5}, out[0], 1e-15);
        assertArrayEquals(new double[] {8.5, 1.5}, out[1], 1e-15);
        assertArrayEquals(new double[] {1, 1, 1}, in[0]);
        assertThrows(IllegalArgumentException.class, () -> l.predict(new double[][] {{1, 2, 3}, {1}}));
    }

    @Test
    void linearGradientsAreSumsOverTheBatch() {
        Linear l = Linear.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}, new double[] {0, 0, 0});
        Tape tape = new Tape();
        double[] x = {1, 2, 3, 4};
        Gradients g = l.forward(tape.constant(Shape.of(2, 2), x)).sum().backward();
        // L = sum_n sum_o (W x_n + b)_o: dL/dW[o][i] = sum_n x_n[i] = [4, 6] per row; dL/db[o] = N = 2.
        assertArrayEquals(new double[] {4, 6, 4, 6, 4, 6}, g.of(l.weight()), 1e-15);
        assertArrayEquals(new double[] {2, 2, 2}, g.of(l.bias()), 1e-15);
    }

    @Test
    void linearOpMatchesFiniteDifferencesForInputWeightAndBias() {
        double[] w = {0.3, -1.2, 0.7, 2.0, -0.4, 0.1};
        double[] b = {0.25, -0.75};
        for (Shape xs : List.of(Shape.of(4, 3), Shape.of(3))) {
            double[] x = new SplittableRandom(xs.rank()).doubles(xs.size(), -2, 2).toArray();
            GradCheck.Report r = GradCheck.withDefaults().checkAll(
                    in -> in.get(0).linear(in.get(1), in.get(2)).sin().sum(),
                    List.of(GradCheck.Input.of(xs, x), GradCheck.Input.of(Shape.of(2, 3), w),
                            GradCheck.Input.of(Shape.of(2), b)));
            assertTrue(r.passed(), r::describe);
            assertEquals(xs.size() + 8, r.checked());
        }
    }

    @Test
    void linearRejectsTheWrongInputWidth() {
        Linear l = new Linear(3, 4, new SplittableRandom(1));
        Tape tape = new Tape();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> l.forward(tape.zeros(2, 5)));
        assertTrue(e.getMessage().contains("Linear(in_features=3") && e.getMessage().contains("[2, 5]"), e.getMessage());
    }

    @Test
    void linearAcceptsLeadingBatchDimensionsLikePyTorch() {
        // W = [[1, 2], [3, 4], [5, 6]], b = [0.5, -1, 2]; x of shape [2, 2, 2] (B = 2, T = 2, in = 2).
        Linear l = Linear.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}, new double[] {0.5, -1, 2});
        Tape tape = new Tape();
        double[] x = {1, 0, 0, 1, 2, -1, -3, 0.5};
        Tensor y = l.forward(tape.constant(Shape.of(2, 2, 2), x));
        assertEquals(Shape.of(2, 2, 3), y.shape());
        // Row by row, W x + b worked out by hand: [1, 0] -> [1.5, 2, 7]; [0, 1] -> [2.5, 3, 8];
        // [2, -1] -> [0.5, 1, 6]; [-3, 0.5] -> [-1.5, -8, -10].
        assertArrayEquals(new double[] {1.5, 2, 7, 2.5, 3, 8, 0.5, 1, 6, -1.5, -8, -10}, y.values(), 1e-15);
        assertArrayEquals(x, new double[] {1, 0, 0, 1, 2, -1, -3, 0.5}, "input unchanged");
    }

    @Test
    void linearGradientsThroughLeadingBatchDimensionsMatchFiniteDifferences() {
        Linear l = new Linear(3, 2, new SplittableRandom(7));
        Shape xs = Shape.of(2, 3, 1, 3);
        double[] x = new SplittableRandom(8).doubles(xs.size(), -2, 2).toArray();
        // The input's gradient, through both reshapes and the fused op.
        GradCheck.Report r = GradCheck.withDefaults().check(t -> l.forward(t).sin().sum(), xs, x);
        assertTrue(r.passed(), r::describe);
        // The parameters' gradients against central differences of the loss in each weight and bias.
        Tape tape = new Tape();
        Gradients g = l.forward(tape.constant(xs, x)).sin().sum().backward();
        for (Parameter p : l.parameters()) {
            double[] analytic = g.of(p);
            double[] v = p.values();
            for (int k = 0; k < v.length; k++) {
                double[] plus = v.clone();
                double[] minus = v.clone();
                plus[k] += 1e-6;
                minus[k] -= 1e-6;
                p.copyFrom(plus);
                double up = sinSum(l, xs, x);
                p.copyFrom(minus);
                double down = sinSum(l, xs, x);
                p.copyFrom(v);
                assertEquals((up - down) / 2e-6, analytic[k], 1e-6, p.name() + "[" + k + "]");
            }
        }
    }

    private static double sinSum(Linear l, Shape xs, double[] x) {
        Tape tape = new Tape();
        return l.forward(tape.constant(xs, x)).sin().sum().value();
    }

    @Test
    void linearRejectsAScalarInput() {
        Linear l = new Linear(1, 2, new SplittableRandom(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> l.forward(new Tape().zeros(Shape.of())));
        assertTrue(e.getMessage().contains("[*, 1]"), e.getMessage());
    }

    @Test
    void activationsApplyElementwise() {
        Tape tape = new Tape();
        Tensor x = tape.constant(Shape.of(3), -1, 0, 2);
        assertArrayEquals(new double[] {0, 0, 2}, new ReLU().forward(x).values());
        assertArrayEquals(new double[] {Math.tanh(-1), 0, Math.tanh(2)}, new Tanh().forward(x).values(), 1e-15);
        assertArrayEquals(new double[] {1 / (1 + Math.E), 0.5, 1 / (1 + Math.exp(-2))},
                new Sigmoid().forward(x).values(), 1e-15);
        assertTrue(new Sigmoid().parameters().isEmpty());
    }

    @Test
    void sequentialNamesParametersLikePyTorch() {
        SplittableRandom rng = new SplittableRandom(1);
        Sequential inner = new Sequential(new Linear(4, 2, rng), new Tanh());
        Sequential net = new Sequential(new Linear(3, 4, rng), inner, new Linear(2, 1, rng));
        assertEquals(List.of("0.weight", "0.bias", "1.0.weight", "1.0.bias", "2.weight", "2.bias"),
                List.copyOf(net.namedParameters().keySet()));
        assertSame(net.parameters(), net.parameters(), "the same list on every call");
        assertThrows(UnsupportedOperationException.class, () -> net.parameters().clear());
        Tape tape = new Tape();
        assertEquals(Shape.of(5, 1), net.forward(tape.zeros(5, 3)).shape());
    }

    @Test
    void anEmptySequentialIsTheIdentity() {
        Sequential empty = new Sequential();
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(2, 2), 1, -2, 3, 0.5);
        assertSame(x, empty.forward(x));
        assertTrue(empty.parameters().isEmpty());
        assertEquals(0, empty.size());
        assertEquals("Sequential()", empty.toString());
        // As a placeholder inside a model: the parameters around it keep PyTorch's positional names.
        Sequential net = new Sequential(new Linear(2, 2, new SplittableRandom(1)), new Sequential(), new Sigmoid());
        assertEquals(List.of("0.weight", "0.bias"), List.copyOf(net.namedParameters().keySet()));
        assertEquals(Shape.of(2, 2), net.forward(x).shape());
    }

    @Test
    void sequentialRejectsALayerAddedTwice() {
        Linear l = new Linear(2, 2, new SplittableRandom(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Sequential(l, l));
        assertTrue(e.getMessage().contains("appears twice"), e.getMessage());
    }

    @Test
    void mlpSigmoidIsTheSeedsNetwork() {
        Sequential net = Mlp.sigmoid(new SplittableRandom(3), 3, 4, 1);
        assertEquals(4, net.size());
        assertInstanceOf(Linear.class, net.get(0));
        assertInstanceOf(Sigmoid.class, net.get(1));
        assertInstanceOf(Linear.class, net.get(2));
        assertInstanceOf(Sigmoid.class, net.get(3));
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"),
                List.copyOf(net.namedParameters().keySet()));
        // Same seed, same bits; another seed, other weights.
        assertArrayEquals(net.parameters().get(0).values(),
                Mlp.sigmoid(new SplittableRandom(3), 3, 4, 1).parameters().get(0).values());
        assertNotEquals(net.parameters().get(0).values()[0],
                Mlp.sigmoid(new SplittableRandom(4), 3, 4, 1).parameters().get(0).values()[0]);
    }

    @Test
    void mlpBuilderChoosesActivations() {
        Sequential net = Mlp.builder(2, 8, 8, 3).hidden(ReLU::new).linearOutput()
                .init(Init.heUniform(), Init.zeros()).build(new SplittableRandom(1));
        assertEquals(5, net.size());
        assertInstanceOf(ReLU.class, net.get(1));
        assertInstanceOf(ReLU.class, net.get(3));
        assertInstanceOf(Linear.class, net.get(4));
        assertArrayEquals(new double[8], net.parameters().get(1).values());
        Sequential tanhSigmoid = Mlp.builder(2, 4, 1).hidden(Tanh::new).output(Sigmoid::new).build(new SplittableRandom(1));
        assertInstanceOf(Tanh.class, tanhSigmoid.get(1));
        assertInstanceOf(Sigmoid.class, tanhSigmoid.get(3));
        assertThrows(IllegalArgumentException.class, () -> Mlp.builder(3));
        assertThrows(IllegalArgumentException.class, () -> Mlp.builder(3, 0, 1));
    }
}
