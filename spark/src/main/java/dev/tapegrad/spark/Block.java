package dev.tapegrad.spark;

import java.io.Serializable;

/**
 * One partition's rows, stacked: features {@code [rows, inWidth]} and targets {@code [rows, outWidth]},
 * row-major, in the dataset's order.
 */
record Block(int partition, int rows, int inWidth, int outWidth, double[] x, double[] y) implements Serializable {
    double[][] featureRows() {
        return unflatten(x, inWidth);
    }

    double[][] targetRows() {
        return unflatten(y, outWidth);
    }

    private double[][] unflatten(double[] flat, int width) {
        double[][] out = new double[rows][width];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * width, out[i], 0, width);
        }
        return out;
    }
}
