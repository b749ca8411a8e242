package dev.tapegrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Schedules against values worked out by hand, and the optimizers' learning-rate setter. */
class LearningRateScheduleTest {
    @Test
    void stepExponentialCosineAndWarmup() {
        LearningRateSchedule step = LearningRateSchedule.step(2, 0.5);
        assertArrayEquals(new double[] {1, 1, 0.5, 0.5, 0.25}, rates(step, 5), 1e-15);
        assertArrayEquals(new double[] {1, 0.9, 0.81}, rates(LearningRateSchedule.exponential(0.9), 3), 1e-15);
        // cos(0) = 1, cos(pi/4) = sqrt(2)/2, cos(pi/2) = 0, cos(3pi/4) = -sqrt(2)/2; then held
        double h = Math.sqrt(2) / 2;
        assertArrayEquals(new double[] {1, (1 + h) / 2, 0.5, (1 - h) / 2, (1 - h) / 2},
                rates(LearningRateSchedule.cosine(4, 0), 5), 1e-15);
        assertArrayEquals(new double[] {0.1 + 0.9 * 0.5}, new double[] {LearningRateSchedule.cosine(4, 0.1).rate(3, 1)},
                1e-15);
        // after three warm-up epochs the step schedule starts at its own epoch 1
        assertArrayEquals(new double[] {1.0 / 3, 2.0 / 3, 1, 1, 1, 0.5},
                rates(LearningRateSchedule.step(2, 0.5).withWarmup(3), 6), 1e-15);
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.step(0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.exponential(1.5));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.cosine(10, -1));
    }

    @Test
    void sgdStepsWithTheNewRateAndRefusesABadOne() {
        Parameter p = new Parameter("p", Shape.of(1), 2.0);
        Sgd sgd = Sgd.builder(List.of(p)).learningRate(0.1).build();
        sgd.setLearningRate(0.25);
        assertEquals(0.25, sgd.learningRate());
        Tape tape = new Tape();
        Tensor x = p.on(tape);
        sgd.step(x.mul(x).sum().mul(0.5).backward()); // gradient p = 2: 2 - 0.25 * 2
        assertEquals(1.5, p.get(0), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> sgd.setLearningRate(0));
        Adam adam = Adam.builder(List.of(p)).build();
        adam.setLearningRate(0.5);
        assertEquals(0.5, adam.learningRate());
        assertThrows(IllegalArgumentException.class, () -> adam.setLearningRate(Double.NaN));
    }

    private static double[] rates(LearningRateSchedule s, int epochs) {
        double[] r = new double[epochs];
        for (int e = 1; e <= epochs; e++) {
            r[e - 1] = s.rate(e, 1);
        }
        return r;
    }
}
