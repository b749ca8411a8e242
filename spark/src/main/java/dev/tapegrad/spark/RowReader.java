package dev.tapegrad.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a row's features ({@code array<double>}, any numeric array, or a Spark ML {@code Vector}) and
 * label (numeric, or a string holding a number), and says what is wrong with a row that does not fit,
 * naming the column and the row.
 */
final class RowReader implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String featuresCol;
    private final String labelCol;
    private final int featuresIndex;
    private final int labelIndex;
    private final boolean vector;
    private final boolean stringLabel;
    private final int width;
    private final Labels labels;

    /**
     * Checks the columns against the schema.
     *
     * @throws IllegalArgumentException naming a missing column (and listing the columns) or a column of
     *     the wrong type
     */
    RowReader(StructType schema, String featuresCol, String labelCol, int width, Labels labels) {
        List<String> names = Arrays.asList(schema.fieldNames());
        for (String c : List.of(featuresCol, labelCol)) {
            if (!names.contains(c)) {
                throw new IllegalArgumentException("no column '" + c + "' in the data; the columns are " + names);
            }
        }
        this.featuresCol = featuresCol;
        this.labelCol = labelCol;
        this.featuresIndex = schema.fieldIndex(featuresCol);
        this.labelIndex = schema.fieldIndex(labelCol);
        DataType f = schema.fields()[featuresIndex].dataType();
        this.vector = f.equals(SQLDataTypes.VectorType());
        if (!vector && !(f instanceof ArrayType a && a.elementType() instanceof NumericType)) {
            throw new IllegalArgumentException("features column '" + featuresCol + "' has type " + f.simpleString()
                    + "; it must be array<double> (or another numeric array) or a Spark ML Vector");
        }
        DataType l = schema.fields()[labelIndex].dataType();
        this.stringLabel = l instanceof StringType;
        if (!stringLabel && !(l instanceof NumericType)) {
            throw new IllegalArgumentException("label column '" + labelCol + "' has type " + l.simpleString()
                    + "; it must be numeric");
        }
        this.width = width;
        this.labels = labels;
    }

    /** What is wrong with row {@code index}, or {@code null}. */
    String problem(Row row, long index) {
        String where = " at row " + index + " (counting from 0)";
        if (row.isNullAt(featuresIndex)) {
            return "features column '" + featuresCol + "' is null" + where;
        }
        double[] x;
        try {
            x = features(row);
        } catch (NullPointerException e) {
            return "features column '" + featuresCol + "' holds a null element" + where;
        }
        if (x.length != width) {
            return "features column '" + featuresCol + "' has " + x.length + " values" + where + "; the model takes "
                    + width;
        }
        for (int j = 0; j < x.length; j++) {
            if (!Double.isFinite(x[j])) {
                return "features column '" + featuresCol + "' element " + j + " is " + x[j] + where;
            }
        }
        if (row.isNullAt(labelIndex)) {
            return "label column '" + labelCol + "' is null" + where;
        }
        double y;
        try {
            y = label(row);
        } catch (NumberFormatException e) {
            return "label column '" + labelCol + "' holds '" + row.getString(labelIndex) + "'" + where
                    + ", which is not a number";
        }
        String p = labels.problem(y);
        return p == null ? null : "label column '" + labelCol + "'" + where + " " + p;
    }

    double[] features(Row row) {
        if (vector) {
            return ((Vector) row.get(featuresIndex)).toArray();
        }
        List<Object> values = row.getList(featuresIndex);
        double[] x = new double[values.size()];
        for (int j = 0; j < x.length; j++) {
            x[j] = ((Number) values.get(j)).doubleValue();
        }
        return x;
    }

    double label(Row row) {
        return stringLabel ? Double.parseDouble(row.getString(labelIndex).strip())
                : ((Number) row.get(labelIndex)).doubleValue();
    }

    int width() {
        return width;
    }

    Labels labels() {
        return labels;
    }
}
