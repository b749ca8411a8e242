package dev.tapegrad.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapegrad.nn.Linear;
import dev.tapegrad.nn.Parameter;
import dev.tapegrad.nn.Sequential;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Means and population standard deviations worked out by hand. */
class StandardizationTest {
    // column 0: 1, 2, 3, 6 -> mean 3, deviations -2 -1 0 3, variance 14/4 = 3.5
    // column 1: 5, 5, 5, 5 -> constant, std taken as 1
    private static final double[][] TRAIN = {{1, 5}, {2, 5}, {3, 5}, {6, 5}};

    @Test
    void fitsOnTheTrainingRowsAndAppliesToOthers() {
        Standardization s = Standardization.fit(Dataset.of(TRAIN, new double[][] {{0}, {0}, {0}, {0}}));
        assertArrayEquals(new double[] {3, 5}, s.mean(), 1e-15);
        assertArrayEquals(new double[] {Math.sqrt(3.5), 1}, s.std(), 1e-15);
        double[][] other = s.apply(new double[][] {{3 + Math.sqrt(3.5), 7}});
        assertArrayEquals(new double[] {1, 2}, other[0], 1e-15);
    }

    @Test
    void asTheFirstLayerItStandardisesWhatTheModelPredicts() {
        Standardization s = Standardization.fit(Dataset.of(TRAIN, new double[][] {{0}, {0}, {0}, {0}}));
        // y = z0 + 10 z1 on the standardised row z
        Sequential model = new Sequential(s, Linear.of(new double[][] {{1, 10}}, new double[] {0}));
        double[] y = model.predict(new double[][] {{3 + 2 * Math.sqrt(3.5), 4}})[0];
        assertEquals(2 - 10, y[0], 1e-12);
    }

    @Test
    void itsStateRoundTripsThroughNamedTensors() {
        Standardization s = Standardization.fit(Dataset.of(TRAIN, new double[][] {{0}, {0}, {0}, {0}}));
        Map<String, Parameter> byName = new LinkedHashMap<>();
        for (Parameter p : s.state()) {
            byName.put(p.name(), p);
        }
        assertEquals(java.util.Set.of("standardize.mean", "standardize.std"), byName.keySet());
        Standardization back = Standardization.from(byName);
        assertArrayEquals(s.mean(), back.mean());
        assertArrayEquals(s.std(), back.std());
    }
}
