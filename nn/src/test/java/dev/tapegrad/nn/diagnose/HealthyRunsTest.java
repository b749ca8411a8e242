package dev.tapegrad.nn.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.nn.Adam;
import dev.tapegrad.nn.Loss;
import dev.tapegrad.nn.Mlp;
import dev.tapegrad.nn.Sequential;
import dev.tapegrad.nn.Sgd;
import dev.tapegrad.nn.Trainer;
import dev.tapegrad.nn.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The seeds' healthy runs: no finding above INFO. */
class HealthyRunsTest {

    @Test
    void threeBitTaskNeverRaisesAnAlarmFromStartToFinish() {
        double[][] x = Tasks.threeBitInputs();
        double[][] y = Tasks.threeBitTargets();
        for (long seed = 0; seed < 10; seed++) {
            Sequential net = Mlp.sigmoid(new SplittableRandom(seed), 3, 4, 1);
            Diagnosis atStart = Diagnosis.builder(net, Loss::mse, x, y).learningRate(0.5).run();
            assertFalse(atStart.hasProblems(), "seed " + seed + " at start:\n" + atStart);
            List<Diagnosis> seen = new ArrayList<>();
            DiagnosisListener listener = DiagnosisListener.builder(net, Loss::mse, x, y).learningRate(0.5).every(10)
                    .onDiagnosis(seen::add).build();
            TrainingResult r = Trainer.builder(net, Sgd.builder(net.parameters()).learningRate(0.5).build(), Loss::mse)
                    .data(x, y).perSample().inOrder().epochs(1000).targetAccuracy(1.0).listener(listener)
                    .build().fit();
            assertTrue(r.reachedTarget(), "seed " + seed);
            assertTrue(seen.size() >= r.epochs() / 10, "diagnosed every 10 epochs");
            for (int k = 0; k < seen.size(); k++) {
                assertFalse(seen.get(k).hasProblems(), "seed " + seed + ", diagnosis " + k + ":\n" + seen.get(k));
            }
            assertEquals(Severity.INFO, listener.latest().orElseThrow().worst());
        }
    }

    @Test
    void parityTaskHasNoAlarmAtTheStartOrOnceItHasLearned() {
        double[][] x = Tasks.parityInputs();
        double[][] y = Tasks.parityTargets();
        Sequential net = Mlp.sigmoid(new SplittableRandom(0), 1, 16, 16, 1);
        Diagnosis atStart = Diagnosis.builder(net, Loss::mse, x, y).learningRate(5).run();
        assertFalse(atStart.hasProblems(), atStart::toString);
        DiagnosisListener listener = DiagnosisListener.builder(net, Loss::mse, x, y).learningRate(5).every(100_000)
                .build();
        TrainingResult r = Trainer.builder(net, Sgd.builder(net.parameters()).learningRate(5).build(), Loss::mse)
                .data(x, y).fullBatch().epochs(20_000).targetAccuracy(1.0).listener(listener).build().fit();
        assertTrue(r.reachedTarget(), r::toString);
        Diagnosis atEnd = listener.latest().orElseThrow();
        assertFalse(atEnd.hasProblems(), atEnd::toString);
        assertTrue(atEnd.find(Finding.Kind.GRADIENT_NORMS).isPresent(), atEnd::toString);
        assertEquals(r.epochs() + 1, listener.lossHistory().size(), "the loss before training, then one per epoch");
    }

    @Test
    void adamAndMomentumRunsEndWithoutAnAlarm() {
        // Parity, 1-16-1, BCE and Adam lr 0.05: the update ratios are measured, not estimated from the rate.
        double[][] x = Tasks.parityInputs();
        double[][] y = Tasks.parityTargets();
        Sequential net = Mlp.sigmoid(new SplittableRandom(0), 1, 16, 1);
        DiagnosisListener listener = DiagnosisListener.builder(net, Loss::bce, x, y).every(100_000).build();
        TrainingResult r = Trainer.builder(net, Adam.builder(net.parameters()).learningRate(0.05).build(), Loss::bce)
                .data(x, y).fullBatch().epochs(3000).targetAccuracy(1.0).listener(listener).build().fit();
        assertTrue(r.reachedTarget(), r::toString);
        Diagnosis d = listener.latest().orElseThrow();
        assertFalse(d.hasProblems(), d::toString);
        assertTrue(d.find(Finding.Kind.UPDATE_RATIO).orElseThrow().message().contains("measured"), d::toString);

        double[][] bx = Tasks.threeBitInputs();
        double[][] by = Tasks.threeBitTargets();
        Sequential xor = Mlp.sigmoid(new SplittableRandom(0), 3, 4, 1);
        List<Diagnosis> seen = new ArrayList<>();
        DiagnosisListener every = DiagnosisListener.builder(xor, Loss::mse, bx, by).every(5).onDiagnosis(seen::add).build();
        TrainingResult m = Trainer.builder(xor, Sgd.builder(xor.parameters()).learningRate(0.5).momentum(0.9).build(),
                Loss::mse).data(bx, by).perSample().epochs(1000).targetAccuracy(1.0).listener(every).build().fit();
        assertTrue(m.reachedTarget(), m::toString);
        assertFalse(seen.isEmpty());
        seen.forEach(s -> assertFalse(s.hasProblems(), s::toString));
    }
}
