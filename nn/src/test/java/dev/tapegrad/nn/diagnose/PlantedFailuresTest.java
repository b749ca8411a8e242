package dev.tapegrad.nn.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.nn.Init;
import dev.tapegrad.nn.Layer;
import dev.tapegrad.nn.Linear;
import dev.tapegrad.nn.Loss;
import dev.tapegrad.nn.LossFunction;
import dev.tapegrad.nn.Mlp;
import dev.tapegrad.nn.Parameter;
import dev.tapegrad.nn.ReLU;
import dev.tapegrad.nn.Sequential;
import dev.tapegrad.nn.Sgd;
import dev.tapegrad.nn.Sigmoid;
import dev.tapegrad.nn.Trainer;
import dev.tapegrad.nn.TrainingResult;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each failure, planted, and the finding that names it. */
class PlantedFailuresTest {
    private static final double[][] X = Tasks.threeBitInputs();
    private static final double[][] Y = Tasks.threeBitTargets();

    private static DiagnosisListener train(Sequential net, double lr, int epochs) {
        DiagnosisListener listener = DiagnosisListener.builder(net, Loss::mse, X, Y).learningRate(lr).every(1000).build();
        Trainer.builder(net, Sgd.builder(net.parameters()).learningRate(lr).build(), Loss::mse)
                .data(X, Y).perSample().inOrder().epochs(epochs).listener(listener).build().fit();
        return listener;
    }

    private static Finding warning(Diagnosis d, Finding.Kind kind) {
        Finding f = d.find(kind).orElseThrow(() -> new AssertionError("no " + kind + " in:\n" + d));
        assertTrue(f.severity().atLeast(Severity.WARNING), () -> kind + " is only " + f.severity() + ":\n" + d);
        return f;
    }

    @Test
    void constantOutputAfterTrainingWithATinyLearningRate() {
        Sequential net = Mlp.sigmoid(new SplittableRandom(1), 3, 4, 1);
        Diagnosis d = train(net, 1e-4, 30).latest().orElseThrow();
        Finding f = warning(d, Finding.Kind.CONSTANT_OUTPUT);
        assertTrue(f.message().contains("mean target 0.7500"), f::message); // six ones in eight targets
        // The cause beside the symptom: the learning-rate finding, not generic advice.
        assertTrue(f.message().contains("Cause: the learning rate (1.00e-04) is too small"), f::message);
        warning(d, Finding.Kind.LEARNING_RATE_TOO_LOW);
    }

    @Test
    void twentyEpochsAtLearningRateOneThousandthSayTheRateIsTooSmall() {
        Sequential net = Mlp.sigmoid(new SplittableRandom(1), 3, 4, 1);
        Diagnosis d = train(net, 0.001, 20).latest().orElseThrow();
        Finding f = warning(d, Finding.Kind.LEARNING_RATE_TOO_LOW);
        assertTrue(f.message().contains("0.001000"), f::message);
        assertFalse(d.find(Finding.Kind.LEARNING_RATE_TOO_HIGH).isPresent(), d::toString);
    }

    @Test
    void saturatedInitialisation() {
        Sequential net = Mlp.builder(3, 4, 1).init(Init.normal(0, 50), Init.normal(0, 50)).build(new SplittableRandom(3));
        Diagnosis d = Diagnosis.builder(net, Loss::mse, X, Y).learningRate(0.5).run();
        List<Finding> sat = d.of(Finding.Kind.SATURATED_UNITS);
        assertTrue(sat.stream().anyMatch(f -> f.severity() == Severity.WARNING && f.message().startsWith("Layer 1 (sigmoid)")),
                d::toString);
        Diagnosis healthy = Diagnosis.builder(Mlp.sigmoid(new SplittableRandom(3), 3, 4, 1), Loss::mse, X, Y).run();
        assertTrue(healthy.of(Finding.Kind.SATURATED_UNITS).isEmpty(), healthy::toString);
    }

    /** Multiplies by a learnable scale, but through detach(), so the scale never gets a gradient. */
    private static final class DetachedScale implements Layer {
        private final Parameter scale = new Parameter("scale", Shape.of(4), 1, 1, 1, 1);

        @Override
        public Tensor forward(Tensor x) {
            return x.mul(scale.on(x.tape()).detach());
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(scale);
        }
    }

    @Test
    void detachedParameter() {
        SplittableRandom rng = new SplittableRandom(5);
        Sequential net = new Sequential(new Linear(3, 4, rng), new Sigmoid(), new DetachedScale(), new Linear(4, 1, rng),
                new Sigmoid());
        Diagnosis d = Diagnosis.run(net, Loss::mse, X, Y);
        Finding f = warning(d, Finding.Kind.NO_GRADIENT);
        assertTrue(f.message().contains("2.scale [4]"), f::message);
        assertFalse(f.message().contains("weight") || f.message().contains("bias"), f::message);
    }

    @Test
    void learningRateOfOneHundredBeforeAndAfterTraining() {
        Sequential net = Mlp.sigmoid(new SplittableRandom(1), 3, 4, 1);
        Diagnosis before = Diagnosis.builder(net, Loss::mse, X, Y).learningRate(100).run();
        Finding f = warning(before, Finding.Kind.LEARNING_RATE_TOO_HIGH);
        assertTrue(f.message().contains("(100.0)"), f::message);
        Diagnosis after = train(net, 100, 20).latest().orElseThrow();
        warning(after, Finding.Kind.LEARNING_RATE_TOO_HIGH);
        assertFalse(after.find(Finding.Kind.NO_GRADIENT).isPresent(), "saturation, not disconnection:\n" + after);
    }

    /** Binary cross-entropy written by hand without clamping: log(0) when a prediction is exactly 0. */
    private static final LossFunction NAIVE_BCE = (p, t) -> t.mul(p.log())
            .add(t.neg().add(1.0).mul(p.neg().add(1.0).log())).mean().neg();

    @Test
    void nanFromLogOfZeroNamesTheLog() {
        // relu(-x1 - x2 - x3 - 0.5) is 0 for every binary input, so p = 0 and log(p) = -inf where t = 1.
        Sequential net = new Sequential(Linear.of(new double[][] {{-1, -1, -1}}, new double[] {-0.5}), new ReLU());
        Diagnosis d = Diagnosis.run(net, NAIVE_BCE, X, Y);
        Finding f = d.find(Finding.Kind.NON_FINITE).orElseThrow(() -> new AssertionError(d.toString()));
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.message().contains("log produced a non-finite value in the forward pass"), f::message);
        assertTrue(f.message().contains("-Infinity"), f::message);
        assertEquals(Severity.ERROR, d.worst());
    }

    @Test
    void nanInTheUsersOwnStepIsTracedOnItsTape() {
        Sequential net = Mlp.sigmoid(new SplittableRandom(2), 3, 4, 1);
        Tape tape = new Tape();
        Tensor out = net.forward(tape.constant(Shape.of(8, 3), Probe.flatten(X)));
        Gradients g = out.sub(1.0).sqrt().sum().backward(); // sigmoid < 1, so sqrt of a negative: NaN
        Diagnosis d = Diagnosis.builder(net, Loss::mse, X, Y).step(g).run();
        Finding f = d.find(Finding.Kind.NON_FINITE).orElseThrow(() -> new AssertionError(d.toString()));
        assertTrue(f.message().startsWith("In the given training step, sqrt produced"), f::message);
    }

    /** The seeds' 1-1-1 parity network, trained as the seeds' authors did, diagnosed at the end. */
    private static Diagnosis oneUnitParity(long seed, int epochs) {
        double[][] x = Tasks.parityInputs();
        double[][] y = Tasks.parityTargets();
        Sequential net = Mlp.sigmoid(new SplittableRandom(seed), 1, 1, 1);
        DiagnosisListener listener = DiagnosisListener.builder(net, Loss::mse, x, y).learningRate(5).every(100_000)
                .build();
        Trainer.builder(net, Sgd.builder(net.parameters()).learningRate(5).build(), Loss::mse)
                .data(x, y).fullBatch().epochs(epochs).listener(listener).build().fit();
        return listener.latest().orElseThrow();
    }

    @Test
    void aOneUnitNetworkOnParityIsTooSmallWhateverTheSeedOrEpochs() {
        // Before the proof, seed 2 got no size hint, seeds 3 and 4 at 20000 epochs nothing above INFO, and seeds
        // 0 and 7 at 20000 a "not connected" claim for connected parameters stuck at a stationary point.
        for (int epochs : new int[] {3000, 20_000}) {
            for (long seed = 0; seed < 10; seed++) {
                Diagnosis d = oneUnitParity(seed, epochs);
                String where = "seed " + seed + ", " + epochs + " epochs:\n" + d;
                Finding f = d.find(Finding.Kind.NETWORK_TOO_SMALL).orElseThrow(() -> new AssertionError(where));
                assertEquals(Severity.WARNING, f.severity(), where);
                assertTrue(f.message().contains("4 parameters for 9 samples"), where);
                assertTrue(f.message().contains("change direction 7 times"), where); // 0,1,0,1,0,1,0,1,0
                assertTrue(f.message().contains("at most 56%"), where); // 5 of 9: predict 0 everywhere
                assertFalse(d.find(Finding.Kind.NO_GRADIENT).isPresent(), where);
                assertFalse(d.find(Finding.Kind.LEARNING_RATE_TOO_LOW).isPresent(), where);
                // Seeds 2 and 8 jump from their initialisation to the plateau in one step of half their norm:
                // progress, not overshoot.
                assertFalse(d.find(Finding.Kind.LEARNING_RATE_TOO_HIGH).isPresent(), where);
                assertFalse(d.toString().contains("healthy"), where);
            }
        }
    }

    @Test
    void twoHiddenUnitsOnParityGetTheSizeHintWithTheTargetsTurns() {
        // 1-2-1 is not provably too small, so this is the plateau hint, with the 1-D shape of the data.
        double[][] x = Tasks.parityInputs();
        double[][] y = Tasks.parityTargets();
        Sequential net = Mlp.sigmoid(new SplittableRandom(1), 1, 2, 1);
        DiagnosisListener listener = DiagnosisListener.builder(net, Loss::mse, x, y).learningRate(5).every(100_000)
                .build();
        Trainer.builder(net, Sgd.builder(net.parameters()).learningRate(5).build(), Loss::mse)
                .data(x, y).fullBatch().epochs(3000).listener(listener).build().fit();
        Diagnosis d = listener.latest().orElseThrow();
        Finding f = warning(d, Finding.Kind.NETWORK_TOO_SMALL);
        assertTrue(f.message().contains("may be too small") && f.message().contains("change direction 7 times"),
                f::message);
        assertFalse(f.message().contains("healthy"), f::message);
    }

    @Test
    void aConnectedParameterWithAnExactlyZeroGradientIsNotCalledDetached() {
        // Seed 0 after 20000 epochs: 0.weight and 0.bias get a gradient of exactly 0.0 at a stationary point.
        Diagnosis d = oneUnitParity(0, 20_000);
        assertFalse(d.find(Finding.Kind.NO_GRADIENT).isPresent(), d::toString);
        assertTrue(d.of(Finding.Kind.VANISHING_GRADIENTS).stream()
                .anyMatch(f -> f.message().contains("0.weight [1, 1]") && f.message().contains("although connected")),
                d::toString);
    }

    /** Holds a parameter that its forward never puts on the tape. */
    private static final class UnusedParameter implements Layer {
        private final Parameter unused = new Parameter("unused", Shape.of(2), 1, 2);

        @Override
        public Tensor forward(Tensor x) {
            return x;
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(unused);
        }
    }

    @Test
    void aParameterTheForwardNeverUsesIsNamedAsNotOnTheTape() {
        SplittableRandom rng = new SplittableRandom(5);
        Sequential net = new Sequential(new Linear(3, 4, rng), new Sigmoid(), new UnusedParameter(),
                new Linear(4, 1, rng), new Sigmoid());
        Finding f = warning(Diagnosis.run(net, Loss::mse, X, Y), Finding.Kind.NO_GRADIENT);
        assertTrue(f.message().contains("2.unused [2] is never put on the tape"), f::message);
    }

    @Test
    void aRunThatMissesItsTargetGetsAWarningEvenWithoutAKnownCause() {
        // Ten epochs of the healthy 3-bit run: nothing is wrong, the run is only short, but it failed.
        Sequential net = Mlp.sigmoid(new SplittableRandom(1), 3, 4, 1);
        DiagnosisListener listener = DiagnosisListener.builder(net, Loss::mse, X, Y).learningRate(0.5).build();
        TrainingResult r = Trainer.builder(net, Sgd.builder(net.parameters()).learningRate(0.5).build(), Loss::mse)
                .data(X, Y).perSample().inOrder().epochs(10).targetAccuracy(1.0).listener(listener).build().fit();
        assertFalse(r.reachedTarget(), r::toString);
        Diagnosis d = listener.latest().orElseThrow();
        assertTrue(d.hasProblems(), d::toString);
        Finding f = warning(d, Finding.Kind.TARGET_MISSED);
        assertTrue(f.message().contains("after 10 epochs"), f::message);
    }

    @Test
    void gradientsVanishThroughManySigmoidLayers() {
        Sequential net = Mlp.sigmoid(new SplittableRandom(4), 3, 4, 4, 4, 4, 4, 4, 4, 1);
        Diagnosis d = Diagnosis.run(net, Loss::mse, X, Y);
        Finding f = warning(d, Finding.Kind.VANISHING_GRADIENTS);
        assertTrue(f.message().startsWith("Gradients vanish towards the input: layer 0 gets"), f::message);
    }

    /** y = x, to stack linear layers. */
    private static final class Identity implements Layer {
        @Override
        public Tensor forward(Tensor x) {
            return x;
        }
    }

    @Test
    void gradientsExplodeThroughLargeLinearLayers() {
        Sequential net = Mlp.builder(3, 8, 8, 8, 8, 8, 1).hidden(Identity::new).linearOutput()
                .init(Init.normal(0, 3), Init.zeros()).build(new SplittableRandom(6));
        Diagnosis d = Diagnosis.run(net, Loss::mse, X, Y);
        warning(d, Finding.Kind.EXPLODING_GRADIENTS);
    }
}
