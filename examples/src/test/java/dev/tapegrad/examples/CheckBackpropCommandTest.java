package dev.tapegrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * check-backprop prints, for each parameter, the hand-written code's value, Tapegrad's and a finite difference,
 * and a verdict. The expected numbers are derived here by hand from the chain rule, not by the code
 * under test.
 */
class CheckBackpropCommandTest {
    @Test
    void printsTheRightGradientsAndFlagsTheThreeWrongOnes() {
        Run r = Run.of("check-backprop");
        assertEquals(0, r.exitCode(), r.out() + r.err());

        // Seed 1 weights, drawn as the command documents: w1, b1, w2, b2 uniform in [-1, 1).
        SplittableRandom rng = new SplittableRandom(1);
        double w1 = rng.nextDouble(-1, 1);
        double b1 = rng.nextDouble(-1, 1);
        double w2 = rng.nextDouble(-1, 1);
        double b2 = rng.nextDouble(-1, 1);
        double x = 2 / 9.0;
        double y = 1;
        double h = 1 / (1 + Math.exp(-(w1 * x + b1)));
        double o = 1 / (1 + Math.exp(-(w2 * h + b2)));
        double deltaO = (o - y) * o * (1 - o);
        double deltaH = deltaO * w2 * h * (1 - h);
        double[] right = {deltaH * x, deltaH, deltaO * h, deltaO};
        double handDeltaH = (o - y) * w2 * h * (1 - h);
        double[] hand = {handDeltaH * w1, handDeltaH, deltaO * w2, deltaO};
        String[] names = {"w1", "b1", "w2", "b2"};
        String[] verdicts = {"WRONG (1, 2)", "WRONG (2)", "WRONG (1)", "agrees"};

        for (int i = 0; i < 4; i++) {
            String[] cells = r.line(names[i] + " ").split("\\s{2,}|\\s+(?=[-+]\\d)");
            assertEquals(names[i], cells[0].strip());
            assertEquals(hand[i], Double.parseDouble(cells[1]), 5e-7, names[i] + " hand-written value");
            assertEquals(right[i], Double.parseDouble(cells[2]), 5e-7, names[i] + " Tapegrad");
            assertEquals(right[i], Double.parseDouble(cells[3]), 5e-7, names[i] + " finite difference");
            assertEquals(verdicts[i], r.line(names[i] + " ").replaceAll("^.*\\d\\s+", ""), names[i]);
        }
        assertTrue(r.out().contains("Tapegrad agrees with finite differences on all 4 parameters."), r.out());
        assertTrue(r.out().contains("wrong on 3 of 4 (w1, b1, w2); over all nine samples, on 27 of 36"), r.out());
        assertTrue(r.out().contains(String.format(java.util.Locale.ROOT, "too large by 1/(o(1 - o)) = %.2f", 1 / (o * (1 - o)))),
                r.out());
    }

    @Test
    void anotherSampleUsesItsOwnInputAndTarget() {
        Run r = Run.of("check-backprop", "--sample", "7", "--seed", "3");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("x = 7/9 = 0.7778,  target y = 0 (7 is odd)"), r.out());
        assertTrue(r.out().contains("(seed 3)"), r.out());
    }
}
