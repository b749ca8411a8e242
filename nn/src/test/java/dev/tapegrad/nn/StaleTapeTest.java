package dev.tapegrad.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tape copies a parameter's values when the parameter is first put on it; once the parameter has
 * changed, that tape must refuse it rather than go on training on the stale copy.
 */
class StaleTapeTest {
    private static final double[] X = {0, 0, 0, 1, 1, 0, 1, 1};
    private static final double[] Y = {0, 1, 1, 0};

    private static Sequential xorNet() {
        return Mlp.sigmoid(new SplittableRandom(7), 2, 3, 1);
    }

    /** The loop as a new user writes it: one tape made before the training loop. */
    @Test
    void aTapeMadeOnceBeforeTheLoopIsRefusedOnTheSecondStep() {
        Sequential model = xorNet();
        Sgd sgd = Sgd.builder(model.parameters()).learningRate(0.5).build();
        Tape tape = new Tape();
        Tensor x = tape.constant(Shape.of(4, 2), X);
        Tensor y = tape.constant(Shape.of(4, 1), Y);
        int[] epochsRun = {0};
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            for (int epoch = 0; epoch < 100; epoch++) {
                Scalar loss = Loss.mse(model.forward(x), y);
                sgd.step(loss.backward());
                epochsRun[0]++;
            }
        });
        assertEquals(1, epochsRun[0], "the first step is sound; the second must fail");
        assertTrue(e.getMessage().contains("'0.weight'"), e.getMessage());
        assertTrue(e.getMessage().contains("new Tape per step"), e.getMessage());
    }

    @Test
    void aNewTapePerStepTrainsAsBefore() {
        Sequential model = xorNet();
        Adam adam = Adam.builder(model.parameters()).learningRate(0.05).build();
        double first = Double.NaN;
        double last = Double.NaN;
        for (int epoch = 0; epoch < 300; epoch++) {
            Tape tape = new Tape();
            Scalar loss = Loss.mse(model.forward(tape.constant(Shape.of(4, 2), X)), tape.constant(Shape.of(4, 1), Y));
            adam.step(loss.backward());
            first = epoch == 0 ? loss.value() : first;
            last = loss.value();
        }
        assertTrue(last < first / 2, "loss " + first + " -> " + last);
    }

    @Test
    void readingAGradientAfterTheStepIsRefused() {
        Parameter p = new Parameter("w", Shape.of(2), 1, -2);
        Tape tape = new Tape();
        Tensor t = p.on(tape);
        Gradients g = t.mul(t).sum().backward();
        Sgd.builder(List.of(p)).learningRate(0.1).build().step(g);
        IllegalStateException of = assertThrows(IllegalStateException.class, () -> g.of(p));
        assertTrue(of.getMessage().contains("'w'") && of.getMessage().contains("new Tape per step"), of.getMessage());
        assertThrows(IllegalStateException.class, () -> g.reached(p));
        assertThrows(IllegalStateException.class, () -> p.on(tape));
    }

    /** Every way a parameter changes advances its version; reading does not. */
    @Test
    void everyChangeAdvancesTheVersion() throws Exception {
        Parameter p = new Parameter("w", Shape.of(2), 1, -2);
        long v0 = p.version();
        p.values();
        p.get(0);
        p.on(new Tape());
        assertEquals(v0, p.version(), "reading changes nothing");
        p.copyFrom(3, 4);
        long v1 = p.version();
        assertNotEquals(v0, v1, "copyFrom");
        Function<Parameter, Gradients> grads = q -> {
            Tensor t = q.on(new Tape());
            return t.mul(t).sum().backward();
        };
        Sgd.builder(List.of(p)).learningRate(0.1).build().step(grads.apply(p));
        long v2 = p.version();
        assertNotEquals(v1, v2, "Sgd.step");
        Adam.builder(List.of(p)).build().step(grads.apply(p));
        long v3 = p.version();
        assertNotEquals(v2, v3, "Adam.step");
        Path file = Files.createTempFile(dir, "w", ".safetensors");
        Checkpoint.save(file, List.of(p));
        Checkpoint.load(file, List.of(p));
        assertNotEquals(v3, p.version(), "Checkpoint.load");
    }

    @Test
    void aParameterTheLossDidNotReachKeepsItsVersion() {
        Parameter used = new Parameter("used", Shape.of(1), 2);
        Parameter unused = new Parameter("unused", Shape.of(1), 3);
        Tape tape = new Tape();
        unused.on(tape);
        Tensor t = used.on(tape);
        long before = unused.version();
        Sgd.builder(List.of(used, unused)).learningRate(0.1).build().step(t.mul(t).sum().backward());
        assertEquals(before, unused.version());
    }

    @TempDir
    Path dir;
}
