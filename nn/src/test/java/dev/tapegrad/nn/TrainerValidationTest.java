package dev.tapegrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.nn.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Class-index targets, validation, early stopping, schedules and clipping in the Trainer. */
class TrainerValidationTest {
    /** Two blobs: class 0 around x = -1, class 1 around x = +1. */
    private static Dataset blobs(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][];
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = i % 2;
            x[i] = new double[] {(c[i] == 0 ? -1 : 1) + 0.3 * r.nextGaussian(), r.nextGaussian()};
        }
        return Dataset.ofClasses(x, c);
    }

    private static Sequential net(long seed) {
        return Mlp.builder(2, 8, 2).hidden(Tanh::new).linearOutput().build(new SplittableRandom(seed));
    }

    @Test
    void classIndicesTrainWithCrossEntropyAndValidationIsReported() {
        Sequential net = net(1);
        Adam adam = Adam.builder(net.parameters()).learningRate(0.05).build();
        List<EpochReport> seen = new ArrayList<>();
        TrainingResult r = Trainer.builder(net, adam, Loss::crossEntropy).data(blobs(1, 64)).validation(blobs(2, 32))
                .epochs(30).listener(seen::add).build().fit();
        assertEquals(30, seen.size());
        assertTrue(seen.stream().allMatch(EpochReport::hasValidation));
        assertTrue(r.last().validationAccuracy() >= 0.9, r.toString());
        assertEquals(r.history(), seen);
        assertTrue(r.last().toString().matches("epoch 30: loss [0-9.e-]+, accuracy [0-9.]+%, validation loss [0-9.e-]+, "
                + "validation accuracy [0-9.]+%, [0-9.]+ s"), r.last().toString());
        assertTrue(r.toString().startsWith("TrainingResult(max epochs after 30 epochs; weights of epoch 30)\n  epoch 1: "),
                r.toString());
    }

    @Test
    void earlyStoppingRestoresTheBestEpochsWeights() {
        Sequential net = net(3);
        Sgd sgd = Sgd.builder(net.parameters()).learningRate(0.5).build();
        // The validation rows are the training rows with the classes swapped: learning the training data makes
        // the validation loss worse, so it must stop early, patience epochs after its best epoch.
        Dataset train = blobs(4, 64);
        int[] swapped = train.classes();
        for (int i = 0; i < swapped.length; i++) {
            swapped[i] = 1 - swapped[i];
        }
        Dataset val = Dataset.ofClasses(train.features(), swapped);
        TrainingResult r = Trainer.builder(net, sgd, Loss::crossEntropy).data(train).validation(val)
                .epochs(200).earlyStopping(5).build().fit();
        EpochReport best = r.history().stream().min((a, b) -> Double.compare(a.validationLoss(), b.validationLoss()))
                .orElseThrow();
        assertEquals(best, r.best());
        assertEquals(TrainingResult.StopReason.EARLY_STOPPED, r.reason());
        assertEquals(best.epoch() + 5, r.epochs());
        // Every step and the restore each advance the version once, so a stale tape refuses the parameters.
        assertEquals(r.last().steps() + 1, net.parameters().get(0).version());
        Tensor out = net.forward(new dev.tapegrad.autograd.Tape().constant(val.features()));
        double now = Loss.crossEntropy(out, out.tape().constant(val.targets())).value();
        assertEquals(best.validationLoss(), now, 1e-12);
    }

    @Test
    void aFallSmallerThanMinDeltaIsNoImprovement() {
        // A threshold larger than any fall: the first epoch stays the best, and patience runs out three epochs on.
        Sequential net = net(3);
        TrainingResult r = Trainer.builder(net, Sgd.builder(net.parameters()).learningRate(0.1).build(),
                Loss::crossEntropy).data(blobs(4, 64)).validation(blobs(5, 32)).epochs(50).earlyStopping(3, 1e9)
                .build().fit();
        assertEquals(1, r.best().epoch());
        assertEquals(4, r.epochs());
        assertEquals(TrainingResult.StopReason.EARLY_STOPPED, r.reason());
    }

    @Test
    void theScheduleSetsTheRateEachEpoch() {
        Sequential net = net(1);
        Sgd sgd = Sgd.builder(net.parameters()).learningRate(0.4).build();
        TrainingResult r = Trainer.builder(net, sgd, Loss::crossEntropy).data(blobs(1, 16)).epochs(4)
                .schedule(LearningRateSchedule.step(1, 0.5)).build().fit();
        assertArrayEquals(new double[] {0.4, 0.2, 0.1, 0.05},
                r.history().stream().mapToDouble(EpochReport::learningRate).toArray(), 1e-15);
    }

    @Test
    void clippingLimitsTheStep() {
        // One full-batch SGD step with rate 1 moves the parameters by exactly the (clipped) gradient.
        Sequential a = net(7);
        Sequential b = net(7);
        double[][] before = Weights.snapshot(a.parameters());
        Trainer.builder(a, Sgd.builder(a.parameters()).learningRate(1).build(), Loss::crossEntropy)
                .data(blobs(1, 16)).clipGradientNorm(0.01).build().fit();
        Trainer.builder(b, Sgd.builder(b.parameters()).learningRate(1).build(), Loss::crossEntropy)
                .data(blobs(1, 16)).build().fit();
        double clipped = 0;
        double free = 0;
        double[][] after = Weights.snapshot(a.parameters());
        double[][] unclipped = Weights.snapshot(b.parameters());
        for (int k = 0; k < before.length; k++) {
            for (int i = 0; i < before[k].length; i++) {
                clipped += Math.pow(after[k][i] - before[k][i], 2);
                free += Math.pow(unclipped[k][i] - before[k][i], 2);
            }
        }
        assertTrue(Math.sqrt(free) > 0.01, "the unclipped step is larger than the limit: " + Math.sqrt(free));
        assertEquals(0.01, Math.sqrt(clipped), 1e-12);
    }

    @Test
    void crossEntropyOverOneColumnIsRefused() {
        Sequential net = Mlp.builder(2, 4, 1).linearOutput().build(new SplittableRandom(1));
        Sgd sgd = Sgd.builder(net.parameters()).learningRate(0.1).build();
        var e = assertThrows(IllegalArgumentException.class, () -> Trainer.builder(net, sgd, Loss::crossEntropy)
                .data(new double[][] {{0, 1}, {1, 0}}, new double[][] {{0}, {1}}).build());
        assertTrue(e.getMessage().contains("bceWithLogits"), e.getMessage());
        Trainer.builder(net, sgd, Loss::bceWithLogits).data(new double[][] {{0, 1}, {1, 0}}, new double[][] {{0}, {1}})
                .threshold(0).build(); // the right loss passes
    }

    @Test
    void aNaNPredictionCountsAsWrong() {
        Layer nan = x -> x.mul(Double.NaN);
        Sgd sgd = Sgd.builder(List.of(new Parameter("unused", dev.tapegrad.autograd.Shape.of(1), 0))).learningRate(0.1)
                .build();
        // targets 0 (below the threshold: what a NaN compared with >= would have matched) and class 0
        EpochReport one = Trainer.builder(nan, sgd, Loss::mse).data(new double[][] {{1}, {2}}, new double[][] {{0}, {0}})
                .build().fit().last();
        assertEquals(0.0, one.accuracy());
        EpochReport many = Trainer.builder(nan, sgd, Loss::mse)
                .data(new double[][] {{1, 1}, {2, 2}}, new double[][] {{1, 0}, {1, 0}}).build().fit().last();
        assertEquals(0.0, many.accuracy());
    }

    @Test
    void classIndexArraysAreCheckedAndTrainLikeADataset() {
        Dataset d = blobs(1, 32);
        Sequential a = net(2);
        Sequential b = net(2);
        TrainingResult viaArrays = Trainer.builder(a, Sgd.builder(a.parameters()).learningRate(0.1).build(),
                Loss::crossEntropy).data(d.features(), d.classes(), 2).epochs(3).build().fit();
        TrainingResult viaDataset = Trainer.builder(b, Sgd.builder(b.parameters()).learningRate(0.1).build(),
                Loss::crossEntropy).data(d).epochs(3).build().fit();
        assertEquals(viaDataset.last().loss(), viaArrays.last().loss());
        var e = assertThrows(IllegalArgumentException.class, () -> Trainer.builder(a,
                Sgd.builder(a.parameters()).learningRate(0.1).build(), Loss::crossEntropy)
                .data(new double[][] {{0, 0}, {1, 1}}, new int[] {0, 2}, 2));
        assertEquals("Trainer: training row 1 has class 2; classes are 0 to 1", e.getMessage());
    }

    @Test
    void earlyStoppingNeedsAValidationSet() {
        Sequential net = net(1);
        var e = assertThrows(IllegalArgumentException.class, () -> Trainer.builder(net,
                Sgd.builder(net.parameters()).learningRate(0.1).build(), Loss::crossEntropy).data(blobs(1, 8))
                .earlyStopping(3).build());
        assertNotEquals(-1, e.getMessage().indexOf("validation"));
    }
}
