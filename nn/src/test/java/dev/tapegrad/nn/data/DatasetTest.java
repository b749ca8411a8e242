package dev.tapegrad.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Splits, subsets and batches, checked by counting rows and classes. */
class DatasetTest {
    /** 20 rows: feature 0 is the row number, classes 0 (rows 0-9, ten), 1 (rows 10-15, six), 2 (16-19, four). */
    private static Dataset twenty() {
        double[][] x = new double[20][];
        int[] c = new int[20];
        for (int i = 0; i < 20; i++) {
            x[i] = new double[] {i, -i};
            c[i] = i < 10 ? 0 : i < 16 ? 1 : 2;
        }
        return Dataset.ofClasses(x, c, List.of("id", "neg"), List.of("a", "b", "c"));
    }

    private static Set<Double> ids(Dataset d) {
        Set<Double> s = new HashSet<>();
        for (double[] row : d.features()) {
            s.add(row[0]);
        }
        return s;
    }

    @Test
    void aSplitPartitionsTheRowsAndTheSeedRepeatsIt() {
        Dataset.Split s = twenty().split(0.25, new SplittableRandom(3));
        assertEquals(5, s.test().size());
        assertEquals(15, s.train().size());
        Set<Double> all = ids(s.train());
        all.addAll(ids(s.test()));
        assertEquals(20, all.size());
        Dataset.Split again = twenty().split(0.25, new SplittableRandom(3));
        assertEquals(ids(s.test()), ids(again.test()));
        Dataset.Split other = twenty().split(0.25, new SplittableRandom(4));
        assertNotEquals(ids(s.test()), ids(other.test()));
    }

    @Test
    void aStratifiedSplitKeepsEachClassShare() {
        // round(0.5 * 10) = 5, round(0.5 * 6) = 3, round(0.5 * 4) = 2
        Dataset test = twenty().stratifiedSplit(0.5, new SplittableRandom(9)).test();
        int[] counts = new int[3];
        for (int c : test.classes()) {
            counts[c]++;
        }
        assertArrayEquals(new int[] {5, 3, 2}, counts);
        assertEquals(List.of("a", "b", "c"), test.classNames());
        for (int i = 0; i < test.size(); i++) { // targets travel with their rows
            double id = test.features()[i][0];
            assertEquals(id < 10 ? 0 : id < 16 ? 1 : 2, test.classes()[i]);
        }
    }

    @Test
    void batchesCoverEveryRowOnceInASeededOrder() {
        List<Dataset> batches = twenty().batches(6, new SplittableRandom(1));
        assertEquals(List.of(6, 6, 6, 2), batches.stream().map(Dataset::size).toList());
        Set<Double> seen = new HashSet<>();
        batches.forEach(b -> seen.addAll(ids(b)));
        assertEquals(20, seen.size());
        double[] first = batches.get(0).features()[0];
        assertArrayEquals(first, twenty().batches(6, new SplittableRandom(1)).get(0).features()[0]);
        double[] firstIds = batches.get(0).features().length == 6
                ? Arrays.stream(batches.get(0).features()).mapToDouble(r -> r[0]).toArray() : null;
        assertFalse(Arrays.equals(new double[] {0, 1, 2, 3, 4, 5}, firstIds), "shuffled");
    }

    @Test
    void classTargetsAreOneHotRows() {
        Dataset d = Dataset.ofClasses(new double[][] {{1}, {2}}, new int[] {2, 0});
        assertEquals(3, d.numClasses());
        assertArrayEquals(new double[] {0, 0, 1}, d.targets()[0]);
        assertArrayEquals(new double[] {1, 0, 0}, d.targets()[1]);
    }

    @Test
    void badInputIsNamed() {
        var counts = assertThrows(IllegalArgumentException.class,
                () -> Dataset.of(new double[][] {{1}, {2}}, new double[][] {{1}}));
        assertEquals("Dataset: 2 feature rows but 1 target rows", counts.getMessage());
        var ragged = assertThrows(IllegalArgumentException.class,
                () -> Dataset.of(new double[][] {{1, 2}, {2}}, new double[][] {{1}, {2}}));
        assertEquals("Dataset: features row 1 has 1 values, row 0 has 2", ragged.getMessage());
        var fraction = assertThrows(IllegalArgumentException.class, () -> twenty().split(1.0, new SplittableRandom(1)));
        assertTrue(fraction.getMessage().contains("(0, 1), got 1.0"), fraction.getMessage());
        var tiny = assertThrows(IllegalArgumentException.class, () -> twenty().split(0.01, new SplittableRandom(1)));
        assertTrue(tiny.getMessage().contains("leaves 0 test rows"), tiny.getMessage());
        var rows = assertThrows(IllegalStateException.class,
                () -> Dataset.of(new double[][] {{1}, {2}}, new double[][] {{1}, {2}}).stratifiedSplit(0.5,
                        new SplittableRandom(1)));
        assertTrue(rows.getMessage().contains("not class indices"), rows.getMessage());
    }
}
