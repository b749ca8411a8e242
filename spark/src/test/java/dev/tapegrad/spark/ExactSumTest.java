package dev.tapegrad.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The exact sum against BigDecimal arithmetic, in any order of adding and merging. */
class ExactSumTest {
    @Test
    void cancellationLosesNothing() {
        ExactSum s = new ExactSum(1);
        s.add(new double[] {1e16}).add(new double[] {1.0}).add(new double[] {-1e16});
        assertEquals(1.0, s.round()[0]);
        assertEquals(0.0, new ExactSum(1).round()[0]);
    }

    @Test
    void everyOrderRoundsTheExactSumOnce() {
        Random rng = new Random(3);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            values.add((rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(30) - 15));
        }
        BigDecimal exact = BigDecimal.ZERO;
        for (double v : values) {
            exact = exact.add(new BigDecimal(v));
        }
        double expected = exact.doubleValue(); // correctly rounded: it parses the exact decimal
        for (int trial = 0; trial < 20; trial++) {
            Collections.shuffle(values, rng);
            // Split into parts summed separately and merged, as partitions are.
            ExactSum total = new ExactSum(1);
            for (int from = 0; from < values.size(); from += 37) {
                ExactSum part = new ExactSum(1);
                for (double v : values.subList(from, Math.min(from + 37, values.size()))) {
                    part.add(new double[] {v});
                }
                total.merge(part);
            }
            assertEquals(expected, total.round()[0], 0.0, "trial " + trial);
        }
    }
}
