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
        assertTrue(f.message().contains("more epochs") && f.message().contains("cross-entropy"), f::message);
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

    @Test
    void aOneUnitNetworkOnParityIsTooSmall() {
        double[][] x = Tasks.parityInputs();
        double[][] y = Tasks.parityTargets();
        Sequential net = Mlp.sigmoid(new SplittableRandom(1), 1, 1, 1);
        DiagnosisListener listener = DiagnosisListener.builder(net, Loss::mse, x, y).learningRate(5).every(100_000)
                .build();
        Trainer.builder(net, Sgd.builder(net.parameters()).learningRate(5).build(), Loss::mse)
                .data(x, y).fullBatch().epochs(3000).listener(listener).build().fit();
        Diagnosis d = listener.latest().orElseThrow();
        Finding f = warning(d, Finding.Kind.NETWORK_TOO_SMALL);
        assertTrue(f.message().contains("4 parameters for 9 samples"), f::message);
        assertFalse(d.find(Finding.Kind.LEARNING_RATE_TOO_LOW).isPresent(), d::toString);
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
