package dev.tapegrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DropoutTest {
    @Test
    void trainingModeZeroesOrScalesAndTheGradientIsTheMask() {
        Dropout d = new Dropout(0.5, new SplittableRandom(3));
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(1000), new double[1000]).add(1);
        double[] y = d.forward(x).values();
        int kept = 0;
        for (double v : y) {
            assertTrue(v == 0 || v == 2, "an element is 0 or 1 / (1 - p) = 2: " + v);
            kept += v == 2 ? 1 : 0;
        }
        assertTrue(kept > 430 && kept < 570, "about half kept: " + kept); // 4.4 standard deviations either way
        Tape t2 = new Tape();
        Tensor x2 = t2.tensor(Shape.of(4), 1, 2, 3, 4);
        Dropout same = new Dropout(0.5, new SplittableRandom(11));
        Tensor out = same.forward(x2);
        double[] mask = new double[4];
        for (int i = 0; i < 4; i++) {
            mask[i] = out.values()[i] / (i + 1);
        }
        assertArrayEquals(mask, out.sum().backward().of(x2), 1e-15);
    }

    @Test
    void evalModeIsTheIdentityAndSequentialPassesTheModeOn() {
        Dropout d = new Dropout(0.9, new SplittableRandom(1));
        Sequential net = new Sequential(Linear.of(new double[][] {{1}}, new double[] {0}), d);
        assertTrue(d.isTraining());
        assertSame(net, net.eval());
        assertFalse(d.isTraining());
        Tensor x = new Tape().constant(Shape.of(3, 1), 1, 2, 3);
        assertArrayEquals(new double[] {1, 2, 3}, net.forward(x).values());
        net.train();
        assertTrue(d.isTraining());
    }

    @Test
    void theSameSeedGivesTheSameMask() {
        double[] a = new Dropout(0.3, new SplittableRandom(5)).forward(new Tape().ones(50)).values();
        double[] b = new Dropout(0.3, new SplittableRandom(5)).forward(new Tape().ones(50)).values();
        assertArrayEquals(a, b);
    }

    @Test
    void badProbabilitiesAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Dropout(1, new SplittableRandom(1)));
        assertEquals("Dropout: p must be in [0, 1), got 1.0", e.getMessage());
    }
}
