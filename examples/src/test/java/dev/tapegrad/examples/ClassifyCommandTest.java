package dev.tapegrad.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.nn.Checkpoint;
import dev.tapegrad.nn.Parameter;
import dev.tapegrad.nn.data.CsvDataset;
import dev.tapegrad.nn.data.Dataset;
import dev.tapegrad.nn.data.Standardization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classify command on the shipped wine data, and its one-line refusals of bad input. */
class ClassifyCommandTest {
    private static final String WINE = "data/wine.csv";
    /**
     * scikit-learn's MLPClassifier((64,)) mean test accuracy over five seeds on the split classify makes
     * with its default seed, measured by tools/sklearn/mlp_baseline.py (see the README).
     */
    private static final double SKLEARN_TEST_ACCURACY = 0.9944;

    @TempDir
    Path dir;

    @Test
    void wineReachesScikitLearnsAccuracyAndSavesTheModel() throws IOException {
        Path model = dir.resolve("wine.safetensors");
        Path split = dir.resolve("split.csv");
        Run r = Run.of("classify", "--data", WINE, "--target", "class", "--save", model.toString(),
                "--split-out", split.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("data: data/wine.csv, 178 rows, 13 features, 3 classes (class_0 59, class_1 71, class_2 48)",
                r.line("data:"));
        assertEquals("split (seed 42, stratified): 114 train, 28 validation, 36 test", r.line("split ("));
        Matcher m = Pattern.compile("accuracy: train ([0-9.]+), validation ([0-9.]+), test ([0-9.]+)")
                .matcher(r.line("accuracy:"));
        assertTrue(m.matches(), r.out());
        assertTrue(Double.parseDouble(m.group(3)) >= SKLEARN_TEST_ACCURACY - 0.02, r.out());
        assertTrue(r.line("actual \\ predicted").matches("actual \\\\ predicted +class_0 +class_1 +class_2"), r.out());
        assertTrue(r.line("wall time").matches("wall time [0-9.]+ s"), r.out());
        assertTrue(r.err().contains("epoch    1/500"), r.err());

        Map<String, Parameter> saved = Checkpoint.read(model);
        assertEquals(List.of("1.0.weight", "1.0.bias", "1.2.weight", "1.2.bias", "standardize.mean", "standardize.std"),
                List.copyOf(saved.keySet()));
        // The saved standardisation is the training rows' (test and validation rows left out), not all rows'.
        List<String> parts = Files.readAllLines(split).subList(1, 179);
        Dataset all = CsvDataset.read(Path.of(WINE), "class");
        int[] trainRows = IntStream.range(0, 178).filter(i -> parts.get(i).endsWith(",train"))
                .toArray();
        assertEquals(114, trainRows.length);
        assertArrayEquals(Standardization.fit(all.subset(trainRows)).mean(), Standardization.from(saved).mean(), 1e-12);
    }

    @Test
    void aMissingFileIsOneLine() {
        Run r = Run.of("classify", "--data", dir.resolve("none.csv").toString(), "--target", "class");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("none.csv: no such file"), r.err());
    }

    @Test
    void aMissingTargetColumnListsTheColumns() {
        Run r = Run.of("classify", "--data", WINE, "--target", "cultivar");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("no column named 'cultivar'; the columns are alcohol, malic_acid,"), r.err());
        assertTrue(r.err().contains("proline, class"), r.err());
    }

    @Test
    void aNonNumericCellIsNamedByRowAndColumn() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "a,b,label\n1,2,x\n3,4,y\n5,n/a,x\n");
        Run r = Run.of("classify", "--data", f.toString(), "--target", "label");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("row 3, column 'b': 'n/a' is not a finite number"), r.err());
    }

    @Test
    void oneClassIsRefused() throws IOException {
        Path f = dir.resolve("one.csv");
        Files.writeString(f, "a,label\n1,x\n2,x\n3,x\n");
        Run r = Run.of("classify", "--data", f.toString(), "--target", "label");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("every row of " + f + " has the label 'x'; classification needs at least two classes"),
                r.err());
    }

    @Test
    void badOptionsAreOneLine() {
        for (String[] args : List.of(new String[] {"--test-fraction", "1.5"}, new String[] {"--hidden", "64,,3"},
                new String[] {"--epochs", "0"}, new String[] {"--save", dir.resolve("m.bin").toString()})) {
            String[] full = Stream.concat(Stream.of("classify", "--data", WINE, "--target", "class"), Stream.of(args))
                    .toArray(String[]::new);
            Run r = Run.of(full);
            assertEquals(2, r.exitCode(), String.join(" ", full) + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
    }
}
