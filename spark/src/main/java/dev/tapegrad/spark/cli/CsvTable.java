package dev.tapegrad.spark.cli;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/**
 * A CSV file with a header, read by Spark, checked cell by cell and turned into training rows: the
 * other columns, standardised, as an {@code array<double>} features column, and the target column's
 * distinct values (numbers, or text) as class indices in sorted order.
 */
final class CsvTable {
    final Dataset<Row> rows;
    final List<String> features;
    final List<String> classes;

    private CsvTable(Dataset<Row> rows, List<String> features, List<String> classes) {
        this.rows = rows;
        this.features = features;
        this.classes = classes;
    }

    /** What is wrong with one cell, by data row (counting from 0). */
    record Problem(long row, String message) implements Serializable {}

    static CsvTable read(SparkSession spark, String file, String target) {
        // A local path is checked here for a clear message; a URL (hdfs://, s3a://) is Spark's to open.
        checkArgument(file.contains("://") || new java.io.File(file).isFile(), "no file '%s'", file);
        Dataset<Row> raw = spark.read().option("header", "true").option("inferSchema", "true").csv(file);
        List<String> columns = Arrays.asList(raw.columns());
        checkArgument(columns.contains(target), "no column '%s' in %s; the columns are %s", target, file, columns);
        List<String> features = columns.stream().filter(c -> !c.equals(target)).toList();
        checkArgument(!features.isEmpty(), "%s has no feature columns besides '%s'", file, target);
        StructType schema = raw.schema();
        int[] idx = features.stream().mapToInt(schema::fieldIndex).toArray();
        boolean[] numeric = new boolean[idx.length];
        for (int j = 0; j < idx.length; j++) {
            numeric[j] = schema.fields()[idx[j]].dataType() instanceof NumericType;
        }
        int t = schema.fieldIndex(target);
        boolean numericTarget = schema.fields()[t].dataType() instanceof NumericType;
        JavaRDD<Row> data = raw.javaRDD();
        // Text targets are class names, unless some of them are numbers: then the text ones are typos.
        boolean someNumeric = !numericTarget && !data.filter(r -> !r.isNullAt(t) && parses(r.get(t).toString()))
                .isEmpty();
        boolean textClasses = !numericTarget && !someNumeric;
        List<Problem> first = data.zipWithIndex().flatMap(p -> {
            Row r = p._1();
            for (int j = 0; j < idx.length; j++) {
                if (r.isNullAt(idx[j])) {
                    return List.of(new Problem(p._2(), where(file, features.get(j), p._2()) + " is empty")).iterator();
                }
                if (!numeric[j] && !parses(r.get(idx[j]).toString())) {
                    return List.of(new Problem(p._2(), where(file, features.get(j), p._2()) + " holds '"
                            + r.get(idx[j]) + "', which is not a number")).iterator();
                }
            }
            if (r.isNullAt(t)) {
                return List.of(new Problem(p._2(), where(file, target, p._2()) + " (the target) is empty")).iterator();
            }
            if (!numericTarget && !textClasses && !parses(r.get(t).toString())) {
                return List.of(new Problem(p._2(), where(file, target, p._2()) + " (the target) holds '" + r.get(t)
                        + "', which is not a number like the column's other labels")).iterator();
            }
            return List.<Problem>of().iterator();
        }).takeOrdered(1, (Comparator<Problem> & Serializable) (a, b) -> Long.compare(a.row(), b.row()));
        checkArgument(first.isEmpty(), "%s", first.isEmpty() ? "" : first.get(0).message());
        List<String> labelValues = data.map(r -> label(r.get(t), textClasses)).distinct().collect();
        TreeSet<String> sorted = new TreeSet<>(textClasses ? Comparator.naturalOrder()
                : Comparator.comparingDouble(Double::parseDouble));
        sorted.addAll(labelValues);
        List<String> classes = new ArrayList<>(sorted);
        checkArgument(classes.size() >= 2, "column '%s' of %s has %s distinct value(s) %s; classification needs at "
                + "least two classes", target, file, classes.size(), classes);
        double[] mean = new double[idx.length];
        double[] std = new double[idx.length];
        List<double[]> stats = data.map(r -> {
            double[] s = new double[idx.length * 2];
            for (int j = 0; j < idx.length; j++) {
                double v = number(r.get(idx[j]));
                s[2 * j] = v;
                s[2 * j + 1] = v * v;
            }
            return s;
        }).collect();
        long n = stats.size();
        for (double[] s : stats) {
            for (int j = 0; j < idx.length; j++) {
                mean[j] += s[2 * j] / n;
                std[j] += s[2 * j + 1] / n;
            }
        }
        for (int j = 0; j < idx.length; j++) {
            double var = std[j] - mean[j] * mean[j];
            std[j] = var > 1e-24 ? Math.sqrt(var) : 1.0;
        }
        JavaRDD<Row> out = data.map(r -> {
            // A double[] (not a java.util.List): what Spark's row encoder takes for array<double> from an RDD.
            double[] x = new double[idx.length];
            for (int j = 0; j < idx.length; j++) {
                x[j] = (number(r.get(idx[j])) - mean[j]) / std[j];
            }
            return RowFactory.create(x, (double) classes.indexOf(label(r.get(t), textClasses)));
        });
        StructType outSchema = new StructType().add("features", DataTypes.createArrayType(DataTypes.DoubleType))
                .add("label", DataTypes.DoubleType);
        return new CsvTable(spark.createDataFrame(out, outSchema), features, classes);
    }

    private static String where(String file, String column, long row) {
        return "column '" + column + "', row " + row + " (line " + (row + 2) + " of " + file + ")";
    }

    private static boolean parses(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s.strip()));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double number(Object v) {
        return v instanceof Number num ? num.doubleValue() : Double.parseDouble(v.toString().strip());
    }

    private static String label(Object v, boolean text) {
        return text ? v.toString() : Double.toString(number(v));
    }
}
