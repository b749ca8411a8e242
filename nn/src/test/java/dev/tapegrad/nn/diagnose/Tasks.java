package dev.tapegrad.nn.diagnose;

/** The seeds' two datasets. */
final class Tasks {
    private Tasks() {}

    /** X = 000..111 in order. */
    static double[][] threeBitInputs() {
        double[][] x = new double[8][];
        for (int i = 0; i < 8; i++) {
            x[i] = new double[] {(i >> 2) & 1, (i >> 1) & 1, i & 1};
        }
        return x;
    }

    /** y = 1,1,1,0,1,0,1,1. */
    static double[][] threeBitTargets() {
        return new double[][] {{1}, {1}, {1}, {0}, {1}, {0}, {1}, {1}};
    }

    /** 1..9 scaled by 1/9. */
    static double[][] parityInputs() {
        double[][] x = new double[9][];
        for (int i = 1; i <= 9; i++) {
            x[i - 1] = new double[] {i / 9.0};
        }
        return x;
    }

    /** 1 when even. */
    static double[][] parityTargets() {
        double[][] y = new double[9][];
        for (int i = 1; i <= 9; i++) {
            y[i - 1] = new double[] {i % 2 == 0 ? 1 : 0};
        }
        return y;
    }
}
