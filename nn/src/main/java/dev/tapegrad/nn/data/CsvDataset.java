package dev.tapegrad.nn.data;


import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a classification dataset from a CSV file with a header row (RFC 4180, parsed by Apache Commons
 * CSV): one named column holds each row's label, every other column a numeric feature. Labels become
 * class indices in sorted order (numerically when every label is a number, else alphabetically), as
 * scikit-learn's {@code LabelEncoder} numbers them. A column without a name in the header is called
 * {@code column N}, counted from 1.
 */
public final class CsvDataset {
    private CsvDataset() {}

    /**
     * The dataset in {@code file}, with {@code targetColumn}'s values as the classes.
     *
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws CsvDataException naming the file, and the row (counted from 1 after the header) and column
     *     where it applies, if the file is empty, has no such column (the message lists the columns), has
     *     a row of the wrong length, a feature cell that is not a number, or no data rows
     */
    public static Dataset read(Path file, String targetColumn) throws IOException {
        Objects.requireNonNull(file, "CsvDataset.read: file");
        Objects.requireNonNull(targetColumn, "CsvDataset.read: targetColumn");
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            List<String> header = names(parser.getHeaderNames());
            if (header.isEmpty()) {
                throw new CsvDataException(file + ": the file is empty; expected a header row naming the columns");
            }
            int target = header.indexOf(targetColumn);
            if (target < 0) {
                throw new CsvDataException(file + ": no column named '" + targetColumn + "'; the columns are "
                        + String.join(", ", header));
            }
            List<String> featureNames = new ArrayList<>(header);
            featureNames.remove(target);
            if (featureNames.isEmpty()) {
                throw new CsvDataException(file + ": the target '" + targetColumn + "' is the only column; no features");
            }
            List<double[]> rows = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (CSVRecord r : parser) {
                int row = rows.size() + 1;
                if (r.size() != header.size()) {
                    throw new CsvDataException(String.format("%s: row %s has %s cells, the header has %s columns",
                            file, row, r.size(), header.size()));
                }
                double[] x = new double[featureNames.size()];
                for (int j = 0, k = 0; j < header.size(); j++) {
                    if (j != target) {
                        x[k++] = number(file, row, header.get(j), r.get(j));
                    }
                }
                String label = r.get(target);
                if (label.isEmpty()) {
                    throw new CsvDataException(String.format("%s: row %s, column '%s': the label is empty",
                            file, row, targetColumn));
                }
                rows.add(x);
                labels.add(label);
            }
            if (rows.isEmpty()) {
                throw new CsvDataException(file + ": the header has no data rows below it");
            }
            return classes(rows, labels, featureNames);
        } catch (CsvDataException e) {
            throw e;
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            // Commons CSV reports malformed quoting and duplicate header names unchecked, the line in the message.
            throw new CsvDataException(file + ": not valid CSV: " + e.getMessage(), e);
        }
    }

    /**
     * The header's names without a leading byte-order mark (spreadsheets write one), an unnamed column
     * (pandas writes its index so) called {@code column N}, counted from 1.
     */
    private static List<String> names(List<String> raw) {
        List<String> names = new ArrayList<>(raw);
        if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
            names.set(0, names.get(0).substring(1));
        }
        for (int j = 0; j < names.size(); j++) {
            if (names.get(j).isEmpty()) {
                names.set(j, "column " + (j + 1));
            }
        }
        return names;
    }

    private static double number(Path file, int row, String column, String cell) {
        try {
            double v = Double.parseDouble(cell);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below, with the row and column
        }
        throw new CsvDataException(String.format("%s: row %s, column '%s': '%s' is not a finite number",
                file, row, column, cell));
    }

    private static Dataset classes(List<double[]> rows, List<String> labels, List<String> featureNames) {
        boolean numeric = labels.stream().allMatch(CsvDataset::isNumber);
        Comparator<String> order = numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder();
        TreeSet<String> distinct = new TreeSet<>(order);
        distinct.addAll(labels);
        List<String> classNames = List.copyOf(distinct);
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < classNames.size(); c++) {
            index.put(classNames.get(c), c);
        }
        int[] classes = new int[labels.size()];
        for (int i = 0; i < classes.length; i++) {
            // numerically equal labels such as "1" and "1.0" share the TreeSet entry; look them up through it
            classes[i] = index.get(distinct.floor(labels.get(i)));
        }
        return Dataset.ofClasses(rows.toArray(new double[0][]), classes, featureNames, classNames);
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
