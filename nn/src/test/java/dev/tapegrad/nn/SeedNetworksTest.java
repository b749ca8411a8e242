package dev.tapegrad.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The seeds' networks learn their tasks, with the settings the seeds used. */
class SeedNetworksTest {
    /** X = 000..111 in order. */
    static double[][] threeBitInputs() {
        double[][] x = new double[8][3];
        for (int i = 0; i < 8; i++) {
            x[i] = new double[] {(i >> 2) & 1, (i >> 1) & 1, i & 1};
        }
        return x;
    }

    static final double[][] THREE_BIT_TARGETS = {{1}, {1}, {1}, {0}, {1}, {0}, {1}, {1}};

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void threeBitFunctionReachesFullAccuracyPerSampleSgd(long seed) {
        Sequential net = Mlp.sigmoid(new SplittableRandom(seed), 3, 4, 1);
        Sgd sgd = Sgd.builder(net.parameters()).learningRate(0.5).build();
        List<EpochReport> reports = new ArrayList<>();
        TrainingResult r = Trainer.builder(net, sgd, Loss::mse)
                .data(threeBitInputs(), THREE_BIT_TARGETS)
                .perSample().inOrder().epochs(1000).targetAccuracy(1.0)
                .listener(reports::add)
                .build().fit();
        assertEquals(TrainingResult.StopReason.TARGET_ACCURACY, r.reason(), () -> "seed " + seed + ": " + r);
        assertEquals(1.0, r.last().accuracy());
        assertTrue(r.epochs() <= 1000);
        assertEquals(r.epochs(), reports.size());
        assertEquals(8L * r.epochs(), r.last().steps());
        assertTrue(reports.get(reports.size() - 1).loss() < reports.get(0).loss(), "loss fell");
    }

    /** Inputs x/9 for x = 1..9, targets 1 when x is even. */
    static double[][] evenOddInputs() {
        double[][] x = new double[9][];
        for (int i = 1; i <= 9; i++) {
            x[i - 1] = new double[] {i / 9.0};
        }
        return x;
    }

    static double[][] evenOddTargets() {
        double[][] y = new double[9][];
        for (int i = 1; i <= 9; i++) {
            y[i - 1] = new double[] {i % 2 == 0 ? 1 : 0};
        }
        return y;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void evenOddWithTwoHiddenLayersFullBatchSgd(long seed) {
        Sequential net = Mlp.sigmoid(new SplittableRandom(seed), 1, 16, 16, 1);
        Sgd sgd = Sgd.builder(net.parameters()).learningRate(5).build();
        TrainingResult r = Trainer.builder(net, sgd, Loss::mse)
                .data(evenOddInputs(), evenOddTargets())
                .fullBatch().epochs(20_000).targetAccuracy(1.0)
                .build().fit();
        assertEquals(TrainingResult.StopReason.TARGET_ACCURACY, r.reason(), () -> "seed " + seed + ": " + r);
        assertEquals(r.epochs(), r.last().steps(), "full batch: one step per epoch");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void evenOddWithOneHiddenLayerBceAdam(long seed) {
        Sequential net = Mlp.sigmoid(new SplittableRandom(seed), 1, 16, 1);
        Adam adam = Adam.builder(net.parameters()).learningRate(0.05).build();
        TrainingResult r = Trainer.builder(net, adam, Loss::bce)
                .data(evenOddInputs(), evenOddTargets())
                .fullBatch().epochs(3_000).targetAccuracy(1.0)
                .build().fit();
        assertEquals(TrainingResult.StopReason.TARGET_ACCURACY, r.reason(), () -> "seed " + seed + ": " + r);
    }
}
