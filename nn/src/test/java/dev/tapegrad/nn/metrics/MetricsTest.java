package dev.tapegrad.nn.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void argmaxTakesTheFirstLargestAndNaNIsNoClass() {
        int[] p = Metrics.argmax(new double[][] {{0.1, 0.7, 0.2}, {3, 3, 1}, {Double.NaN, 0, 0}, {0, Double.NaN, 5}});
        assertArrayEquals(new int[] {1, 0, -1, -1}, p);
    }

    @Test
    void aNaNPredictionIsNeverRight() {
        // class 0 is what argmax would have said for a NaN row if NaN were skipped
        assertEquals(0.5, Metrics.accuracy(new int[] {0, 1}, new double[][] {{Double.NaN, 0}, {0, 1}}));
    }

    @Test
    void confusionMatrixCountsActualAgainstPredicted() {
        int[] actual = {0, 0, 1, 1, 1, 2};
        int[] predicted = {0, 1, 1, 1, 0, -1};
        ConfusionMatrix m = ConfusionMatrix.of(actual, predicted, List.of("a", "b", "c"));
        assertEquals(1, m.count(0, 0));
        assertEquals(1, m.count(0, 1));
        assertEquals(2, m.count(1, 1));
        assertEquals(1, m.count(1, 0));
        assertEquals(0, m.count(2, 2));
        assertEquals(1, m.unpredicted(2));
        assertEquals(3.0 / 6, m.accuracy());
        assertEquals(3.0 / 6, Metrics.accuracy(actual, predicted));
        assertEquals(String.join("\n",
                "actual \\ predicted     a     b     c  none",
                "a                      1     1     0     0",
                "b                      1     2     0     0",
                "c                      0     0     0     1"), m.toString());
    }
}
