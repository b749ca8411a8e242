package dev.tapegrad.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * From the same initial 3-4-1 sigmoid network, per-sample SGD on the tape and a backprop written out
 * by hand in plain loops end with the same weights.
 */
class HandBackpropTest {
    private static final double LR = 0.5;
    private static final int STEPS = 1000;

    /** The hand-written network: W1 [4][3], b1 [4], W2 [4], b2. */
    private static final class HandNet {
        final double[][] w1 = new double[4][3];
        final double[] b1 = new double[4];
        final double[] w2 = new double[4];
        double b2;

        HandNet(List<Parameter> p) {
            double[] w = p.get(0).values();
            for (int j = 0; j < 4; j++) {
                System.arraycopy(w, j * 3, w1[j], 0, 3);
            }
            System.arraycopy(p.get(1).values(), 0, b1, 0, 4);
            System.arraycopy(p.get(2).values(), 0, w2, 0, 4);
            b2 = p.get(3).values()[0];
        }

        /** One SGD step on loss (o - t)^2, derivatives by the chain rule. */
        void step(double[] x, double t) {
            double[] h = new double[4];
            double z2 = b2;
            for (int j = 0; j < 4; j++) {
                double z = b1[j];
                for (int i = 0; i < 3; i++) {
                    z += w1[j][i] * x[i];
                }
                h[j] = 1 / (1 + Math.exp(-z));
                z2 += w2[j] * h[j];
            }
            double o = 1 / (1 + Math.exp(-z2));
            double dz2 = 2 * (o - t) * o * (1 - o);
            for (int j = 0; j < 4; j++) {
                double dz1 = w2[j] * dz2 * h[j] * (1 - h[j]);
                w2[j] -= LR * dz2 * h[j];
                for (int i = 0; i < 3; i++) {
                    w1[j][i] -= LR * dz1 * x[i];
                }
                b1[j] -= LR * dz1;
            }
            b2 -= LR * dz2;
        }
    }

    @Test
    void thousandPerSampleSgdStepsMatchHandWrittenBackprop() {
        Sequential net = Mlp.sigmoid(new SplittableRandom(42), 3, 4, 1);
        HandNet hand = new HandNet(net.parameters());
        double[][] x = SeedNetworksTest.threeBitInputs();
        double[][] y = SeedNetworksTest.THREE_BIT_TARGETS;
        for (int s = 0; s < STEPS; s++) {
            hand.step(x[s % 8], y[s % 8][0]);
        }
        Sgd sgd = Sgd.builder(net.parameters()).learningRate(LR).build();
        TrainingResult r = Trainer.builder(net, sgd, Loss::mse)
                .data(x, y).perSample().inOrder().epochs(STEPS / 8).build().fit();
        assertEquals(STEPS, r.last().steps());

        List<Parameter> p = net.parameters();
        double maxDiff = 0;
        double[] w1 = p.get(0).values();
        for (int j = 0; j < 4; j++) {
            for (int i = 0; i < 3; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(w1[j * 3 + i] - hand.w1[j][i]));
            }
            maxDiff = Math.max(maxDiff, Math.abs(p.get(1).get(j) - hand.b1[j]));
            maxDiff = Math.max(maxDiff, Math.abs(p.get(2).get(j) - hand.w2[j]));
        }
        maxDiff = Math.max(maxDiff, Math.abs(p.get(3).get(0) - hand.b2));
        assertTrue(maxDiff <= 1e-12, "largest weight difference " + maxDiff);
        // The weights moved far from their initial values, so the comparison is not trivially true.
        HandNet initial = new HandNet(Mlp.sigmoid(new SplittableRandom(42), 3, 4, 1).parameters());
        assertTrue(Math.abs(initial.b2 - hand.b2) > 0.1, "training moved the output bias");
    }
}
