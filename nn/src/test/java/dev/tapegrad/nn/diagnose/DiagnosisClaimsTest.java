package dev.tapegrad.nn.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.AnomalyException;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.nn.Init;
import dev.tapegrad.nn.Layer;
import dev.tapegrad.nn.Linear;
import dev.tapegrad.nn.Loss;
import dev.tapegrad.nn.Mlp;
import dev.tapegrad.nn.Sequential;
import dev.tapegrad.nn.Sgd;
import dev.tapegrad.nn.Trainer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The diagnosis says what people see ("the same output for every input"), names the cause beside
 * the symptom, never contradicts itself, checks the numbers behind a claim before making it, names
 * NaN in the data as data, and sees a user's own layers.
 */
class DiagnosisClaimsTest {
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

    private static void assertNoWarning(Diagnosis d, Finding.Kind kind) {
        assertTrue(d.of(kind).stream().noneMatch(f -> f.severity().atLeast(Severity.WARNING)),
                () -> "unexpected " + kind + " warning in:\n" + d);
    }

    @Test
    void aTinyLearningRateIsNamedAsTheCauseOfTheSameOutputForEveryInput() {
        Sequential net = Mlp.sigmoid(new SplittableRandom(1), 3, 4, 1);
        Diagnosis d = train(net, 0.001, 20).latest().orElseThrow();
        Finding f = warning(d, Finding.Kind.CONSTANT_OUTPUT);
        assertTrue(f.message().contains("nearly the same output for every input"), f::message);
        assertTrue(f.message().contains("from 0.518") && f.message().contains("to 0.543"), f::message);
        assertTrue(f.message().contains("learning rate") && f.message().contains("too small"), f::message);
        warning(d, Finding.Kind.LEARNING_RATE_TOO_LOW);
    }

    @Test
    void identicalHiddenUnitsAreNamedAsSymmetryWithTheFix() {
        Sequential net = Mlp.builder(3, 4, 1).init(Init.zeros(), Init.zeros()).build(new SplittableRandom(1));
        Diagnosis d = train(net, 0.5, 300).latest().orElseThrow();
        Finding f = warning(d, Finding.Kind.SYMMETRIC_UNITS);
        assertTrue(f.message().contains("Layer 0") && f.message().contains("4 units are identical"), f::message);
        assertTrue(f.message().contains("symmetry") && f.message().contains("randomly"), f::message);
        assertTrue(f.message().contains("3-1-1"), f::message);
        // The symmetry is the cause: no blame on vanishing gradients, the learning rate or the epochs.
        assertNoWarning(d, Finding.Kind.VANISHING_GRADIENTS);
        assertNoWarning(d, Finding.Kind.LEARNING_RATE_TOO_LOW);
        assertNoWarning(d, Finding.Kind.NETWORK_TOO_SMALL);
        assertFalse(d.toString().contains("more epochs") || d.toString().contains("train longer"), d::toString);
        // Random initialisation breaks the symmetry: no such finding.
        Diagnosis random = Diagnosis.run(Mlp.sigmoid(new SplittableRandom(1), 3, 4, 1), Loss::mse, X, Y);
        assertTrue(random.of(Finding.Kind.SYMMETRIC_UNITS).isEmpty(), random::toString);
    }

    @Test
    void saturationExplainsTheTinyUpdatesAndIsNotContradicted() {
        Sequential net = Mlp.builder(3, 4, 1).init(Init.normal(0, 20), Init.normal(0, 20)).build(new SplittableRandom(2));
        Diagnosis d = train(net, 0.5, 20).latest().orElseThrow();
        warning(d, Finding.Kind.SATURATED_UNITS);
        assertNoWarning(d, Finding.Kind.LEARNING_RATE_TOO_LOW);
        assertFalse(d.toString().contains("larger learning rate") || d.toString().contains("times larger"),
                d::toString);
    }

    /** A model whose output is the constant {@code p} whatever the input: a Linear with zero weights. */
    private static Sequential constant(double p) {
        return new Sequential(Linear.of(new double[][] {{0, 0, 0}}, new double[] {Math.log(p / (1 - p))}),
                new dev.tapegrad.nn.Sigmoid());
    }

    @Test
    void thePlateauIsClaimedOnlyWhenTheNumbersSaySo() {
        List<Double> flat = new ArrayList<>(Collections.nCopies(30, 0.2316));
        // Mean output 0.54 against mean target 0.75: the loss 0.2316 is above the 0.1875 of predicting the mean.
        Diagnosis off = Diagnosis.builder(constant(0.54), Loss::mse, X, Y).learningRate(0.1).lossHistory(flat).run();
        Finding f = warning(off, Finding.Kind.CONSTANT_OUTPUT);
        assertFalse(f.message().contains("mean-target plateau"), f::message);
        assertTrue(f.message().contains("not the mean target") && f.message().contains("0.1875"), f::message);
        List<Double> atMean = new ArrayList<>(Collections.nCopies(30, 0.1875));
        Diagnosis on = Diagnosis.builder(constant(0.75), Loss::mse, X, Y).learningRate(0.1).lossHistory(atMean).run();
        assertTrue(warning(on, Finding.Kind.CONSTANT_OUTPUT).message().contains("mean-target plateau"), on::toString);
    }

    @Test
    void theFinalDiagnosisReachesTheConsumerOnce() {
        for (int epochs : new int[] {10, 7}) {
            Sequential net = Mlp.sigmoid(new SplittableRandom(1), 3, 4, 1);
            List<Diagnosis> seen = new ArrayList<>();
            DiagnosisListener listener = DiagnosisListener.builder(net, Loss::mse, X, Y).learningRate(0.1).every(5)
                    .onDiagnosis(seen::add).build();
            Trainer.builder(net, Sgd.builder(net.parameters()).learningRate(0.1).build(), Loss::mse)
                    .data(X, Y).perSample().inOrder().epochs(epochs).listener(listener).build().fit();
            assertEquals(epochs / 5 + (epochs % 5 == 0 ? 0 : 1), seen.size(), "epochs " + epochs);
            assertEquals(listener.latest().orElseThrow(), seen.get(seen.size() - 1));
            assertTrue(seen.get(seen.size() - 1).find(Finding.Kind.TARGET_MISSED).isPresent()
                    || !seen.get(seen.size() - 1).atLeast(Severity.WARNING).isEmpty(), "the last one knows the outcome");
        }
    }

    @Test
    void nanInTheFeaturesIsNamedAsData() {
        double[][] x = Tasks.threeBitInputs();
        x[1][0] = Double.NaN;
        Diagnosis d = Diagnosis.run(Mlp.sigmoid(new SplittableRandom(1), 3, 4, 1), Loss::mse, x, Y);
        Finding f = d.find(Finding.Kind.NON_FINITE).orElseThrow(() -> new AssertionError(d.toString()));
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.message().contains("the features contain NaN at row 1, column 0"), f::message);
        assertFalse(d.toString().contains("mse"), d::toString);
        double[][] y = Tasks.threeBitTargets();
        y[5][0] = Double.POSITIVE_INFINITY;
        Diagnosis dy = Diagnosis.run(Mlp.sigmoid(new SplittableRandom(1), 3, 4, 1), Loss::mse, Tasks.threeBitInputs(), y);
        assertTrue(dy.toString().contains("the targets contain Infinity at row 5, column 0"), dy::toString);
    }

    @Test
    void anomalyModeNamesNanInAConstantWhereItIsRecorded() {
        Tape tape = new Tape().detectAnomaly(true);
        AnomalyException e = assertThrows(AnomalyException.class,
                () -> tape.constant(Shape.of(2, 2), 0, 1, Double.NaN, 3));
        assertEquals("constant", e.anomaly().op());
        assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("row 1, column 0"), e::getMessage);
        assertTrue(e.getMessage().contains("DiagnosisClaimsTest"), "the recording site: " + e.getMessage());
        // An infinity in a constant is a legitimate mask.
        Tensor mask = tape.constant(Shape.of(2), 0, Double.NEGATIVE_INFINITY);
        assertEquals(Shape.of(2), mask.shape());
    }

    @Test
    void aUsersOwnActivationLayerIsSeen() {
        SplittableRandom rng = new SplittableRandom(3);
        Layer sigmoid = Tensor::sigmoid;
        Layer relu = x -> x.relu();
        Sequential net = new Sequential(Linear.of(new double[][] {{40, 40, 40}, {-40, 30, 35}, {50, -45, 40},
                {45, 45, -50}}, new double[] {20, -20, 25, 30}), sigmoid, new Linear(4, 3, rng),
                Linear.of(new double[][] {{-1, -1, -1}, {-2, -1, -1}, {-1, -3, -1}}, new double[] {-5, -5, -5}), relu,
                new Linear(3, 1, rng), Tensor::sigmoid);
        Diagnosis d = Diagnosis.builder(net, Loss::mse, X, Y).learningRate(0.5).run();
        assertTrue(d.of(Finding.Kind.SATURATED_UNITS).stream().anyMatch(f -> f.message().startsWith("Layer 1 (sigmoid)")
                && f.severity() == Severity.WARNING), d::toString);
        assertTrue(d.of(Finding.Kind.DEAD_UNITS).stream().anyMatch(f -> f.message().startsWith("Layer 4 (relu)")),
                d::toString);
    }
}
