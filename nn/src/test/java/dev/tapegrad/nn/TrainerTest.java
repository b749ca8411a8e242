package dev.tapegrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Batching, shuffling, reporting and stopping of the training loop. */
class TrainerTest {
    private static final double[][] X = SeedNetworksTest.threeBitInputs();
    private static final double[][] Y = SeedNetworksTest.THREE_BIT_TARGETS;

    private static Trainer.Builder threeBit(Sequential net, double lr) {
        return Trainer.builder(net, Sgd.builder(net.parameters()).learningRate(lr).build(), Loss::mse).data(X, Y);
    }

    private static double[] flat(Layer net) {
        return net.parameters().stream().flatMapToDouble(p -> Arrays.stream(p.values())).toArray();
    }

    @Test
    void miniBatchesTakeCeilNOverBStepsPerEpoch() {
        Sequential net = Mlp.sigmoid(new SplittableRandom(1), 3, 4, 1);
        TrainingResult r = threeBit(net, 0.5).batchSize(3).epochs(5).build().fit();
        assertEquals(TrainingResult.StopReason.MAX_EPOCHS, r.reason());
        assertEquals(5, r.epochs());
        assertEquals(15, r.last().steps(), "8 samples in batches of 3: 3 steps an epoch");
    }

    @Test
    void shuffleIsSeededAndChangesTheOrder() {
        double[][] runs = new double[3][];
        for (int k = 0; k < 3; k++) {
            Sequential net = Mlp.sigmoid(new SplittableRandom(1), 3, 4, 1);
            Trainer.Builder b = threeBit(net, 0.5).perSample().epochs(3);
            (k < 2 ? b.shuffle(new SplittableRandom(99)) : b.inOrder()).build().fit();
            runs[k] = flat(net);
        }
        assertArrayEquals(runs[0], runs[1], "same shuffle seed, same weights");
        assertFalse(Arrays.equals(runs[0], runs[2]), "shuffled differs from in order");
    }

    @Test
    void listenersSeeEveryEpochAndTheEnd() {
        Sequential net = Mlp.sigmoid(new SplittableRandom(2), 3, 4, 1);
        List<EpochReport> reports = new ArrayList<>();
        int[] started = {0};
        TrainingResult[] ended = {null};
        TrainingListener l = new TrainingListener() {
            @Override
            public void onStart(int maxEpochs) {
                started[0] = maxEpochs;
            }

            @Override
            public void onEpoch(EpochReport report) {
                reports.add(report);
            }

            @Override
            public void onEnd(TrainingResult result) {
                ended[0] = result;
            }
        };
        TrainingResult r = threeBit(net, 0.5).fullBatch().epochs(4).listener(l).build().fit();
        assertEquals(4, started[0]);
        assertEquals(r, ended[0]);
        assertEquals(List.of(1, 2, 3, 4), reports.stream().map(EpochReport::epoch).toList());
        for (int i = 1; i < reports.size(); i++) {
            assertTrue(reports.get(i).elapsed().compareTo(reports.get(i - 1).elapsed()) >= 0);
        }
        EpochReport last = reports.get(3);
        assertTrue(last.hasAccuracy() && last.accuracy() >= 0 && last.accuracy() <= 1);
        // The reported loss is the whole dataset's mean squared error after the epoch's steps.
        Tape tape = new Tape();
        double[] out = net.forward(tape.constant(Shape.of(8, 3),
                Arrays.stream(X).flatMapToDouble(Arrays::stream).toArray())).values();
        double mse = 0;
        for (int i = 0; i < 8; i++) {
            mse += (out[i] - Y[i][0]) * (out[i] - Y[i][0]) / 8;
        }
        assertEquals(mse, last.loss(), 1e-15);
    }

    @Test
    void stopsOnTargetLoss() {
        Sequential net = Mlp.sigmoid(new SplittableRandom(3), 3, 4, 1);
        TrainingResult r = threeBit(net, 0.5).perSample().epochs(10_000).targetLoss(0.05).noAccuracy().build().fit();
        assertEquals(TrainingResult.StopReason.TARGET_LOSS, r.reason());
        assertTrue(r.last().loss() <= 0.05);
        assertTrue(r.epochs() < 10_000);
        assertFalse(r.last().hasAccuracy());
    }

    @Test
    void stopsWhenTheLossIsNotFinite() {
        Sequential net = Mlp.builder(3, 4, 1).linearOutput().build(new SplittableRandom(4));
        TrainingResult r = threeBit(net, 1e6).fullBatch().epochs(1000).build().fit();
        assertEquals(TrainingResult.StopReason.NOT_FINITE, r.reason());
        assertTrue(r.epochs() < 1000);
    }

    @Test
    void argmaxAccuracyForSeveralClasses() {
        // Three points, one per class, one-hot targets, softmax cross-entropy on logits.
        double[][] x = {{1, 0}, {0, 1}, {1, 1}};
        double[][] y = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        Sequential net = Mlp.builder(2, 8, 3).hidden(Tanh::new).linearOutput().build(new SplittableRandom(5));
        Adam adam = Adam.builder(net.parameters()).learningRate(0.05).build();
        TrainingResult r = Trainer.builder(net, adam, Loss::crossEntropy).data(x, y)
                .epochs(2000).targetAccuracy(1.0).build().fit();
        assertEquals(TrainingResult.StopReason.TARGET_ACCURACY, r.reason());
    }

    @Test
    void thresholdZeroForLogits() {
        Sequential net = Mlp.builder(3, 4, 1).linearOutput().build(new SplittableRandom(6));
        Adam adam = Adam.builder(net.parameters()).learningRate(0.05).build();
        TrainingResult r = Trainer.builder(net, adam, Loss::bceWithLogits).data(X, Y).threshold(0)
                .epochs(3000).targetAccuracy(1.0).build().fit();
        assertEquals(TrainingResult.StopReason.TARGET_ACCURACY, r.reason());
    }

    @Test
    void twoModelsTrainingAtOnceGetTheSameBitsAsOneAfterTheOther() throws Exception {
        double[][] alone = new double[2][];
        for (int k = 0; k < 2; k++) {
            Sequential net = Mlp.sigmoid(new SplittableRandom(10 + k), 3, 4, 1);
            threeBit(net, 0.5).perSample().shuffle(new SplittableRandom(k)).epochs(200).build().fit();
            alone[k] = flat(net);
        }
        double[][] together = new double[2][];
        Thread[] threads = new Thread[2];
        for (int k = 0; k < 2; k++) {
            int id = k;
            threads[k] = new Thread(() -> {
                Sequential net = Mlp.sigmoid(new SplittableRandom(10 + id), 3, 4, 1);
                threeBit(net, 0.5).perSample().shuffle(new SplittableRandom(id)).epochs(200).build().fit();
                together[id] = flat(net);
            });
            threads[k].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertArrayEquals(alone[0], together[0]);
        assertArrayEquals(alone[1], together[1]);
    }

    @Test
    void badDataIsRejected() {
        Sequential net = Mlp.sigmoid(new SplittableRandom(1), 3, 4, 1);
        Sgd sgd = Sgd.builder(net.parameters()).learningRate(0.1).build();
        assertThrows(IllegalArgumentException.class, () -> Trainer.builder(net, sgd, Loss::mse).build());
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class, () -> Trainer
                .builder(net, sgd, Loss::mse).data(new double[][] {{1, 2, 3}, {1, 2}}, new double[][] {{1}, {0}}).build());
        assertTrue(ragged.getMessage().contains("row 1 has 2 values"), ragged.getMessage());
        IllegalArgumentException counts = assertThrows(IllegalArgumentException.class, () -> Trainer
                .builder(net, sgd, Loss::mse).data(X, new double[][] {{1}}).build());
        assertTrue(counts.getMessage().contains("8 feature rows but 1 target rows"), counts.getMessage());
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class, () -> Trainer
                .builder(net, sgd, Loss::mse).data(X, new double[8][2]).build().fit());
        assertTrue(width.getMessage().contains("[8, 1]") && width.getMessage().contains("[8, 2]"), width.getMessage());
    }
}
