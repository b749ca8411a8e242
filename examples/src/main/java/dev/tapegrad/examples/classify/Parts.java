package dev.tapegrad.examples.classify;

import dev.tapegrad.examples.cli.UsageError;
import dev.tapegrad.nn.data.Dataset;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.random.RandomGenerator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The three parts of the data: a stratified test part, then a stratified validation part of the rest,
 * and the training rows that remain; with each row's part, by its position in the file.
 */
record Parts(Dataset train, Dataset validation, Dataset test, String[] partOfRow) {
    static Parts of(Dataset all, double testFraction, double validationFraction, RandomGenerator rng) {
        Dataset.Split outer;
        Dataset.Split inner;
        try {
            outer = all.stratifiedSplit(testFraction, rng);
            inner = outer.train().stratifiedSplit(validationFraction, rng);
        } catch (IllegalArgumentException e) {
            throw new UsageError(String.format("%s rows cannot be split into training, validation and test parts "
                    + "with --test-fraction and --validation-fraction: %s", all.size(), e.getMessage()));
        }
        String[] part = new String[all.size()];
        int[] rest = outer.trainRows();
        for (int i : outer.testRows()) {
            part[i] = "test";
        }
        for (int i : inner.testRows()) {
            part[rest[i]] = "validation";
        }
        for (int i : inner.trainRows()) {
            part[rest[i]] = "train";
        }
        return new Parts(inner.train(), inner.test(), outer.test(), part);
    }

    /** Writes {@code row,part} for every data row, counted from 1 after the header as in error messages. */
    void write(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader("row", "part")
                        .setRecordSeparator('\n').get())) {
            for (int i = 0; i < partOfRow.length; i++) {
                csv.printRecord(i + 1, partOfRow[i]);
            }
        }
    }
}
