package dev.tapegrad.autograd;

import java.util.Objects;

/** Checks and flattens a {@code double[][]} of rows into a row-major {@code [rows, columns]} tensor. */
final class Rows {
    private Rows() {}

    /**
     * The shape {@code [rows.length, rows[0].length]}.
     *
     * @throws NullPointerException naming {@code op} and the row if the array or a row is null
     * @throws IllegalArgumentException if there are no rows or they differ in length
     */
    static Shape shape(String op, double[][] rows) {
        Objects.requireNonNull(rows, () -> op + ": rows");
        if (rows.length == 0) {
            throw new IllegalArgumentException(op + ": no rows; for an empty tensor pass a shape, such as "
                    + op + "(Shape.of(0, columns))");
        }
        int w = Objects.requireNonNull(rows[0], () -> op + ": row 0 is null").length;
        for (int i = 1; i < rows.length; i++) {
            int r = i;
            Objects.requireNonNull(rows[i], () -> op + ": row " + r + " is null");
            if (rows[i].length != w) {
                throw new IllegalArgumentException(String.format(
                        "%s: row %s has %s values, row 0 has %s; rows must have one length", op, i, rows[i].length, w));
            }
        }
        return Shape.of(rows.length, w);
    }

    /** The rows' values, row after row, in a new array; call {@link #shape} first. */
    static double[] flatten(double[][] rows) {
        int w = rows[0].length;
        double[] flat = new double[rows.length * w];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * w, w);
        }
        return flat;
    }
}
