package dev.tapegrad.nn.higher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapegrad.nn.Parameter;
import java.util.List;
import java.util.function.DoubleSupplier;

/** Central finite differences of a loss over every element of some parameters, against analytic gradients. */
final class ParameterDifferences {
    private ParameterDifferences() {}

    /**
     * Asserts that {@code analytic.get(k)[i]} is the central difference of {@code loss} in element
     * {@code i} of parameter {@code k} (step 1e-6, tolerance 1e-6 relative), restoring every parameter
     * after each step. Returns the number of elements checked.
     */
    static int check(List<Parameter> ps, List<double[]> analytic, DoubleSupplier loss) {
        double eps = 1e-6;
        int checked = 0;
        for (int k = 0; k < ps.size(); k++) {
            Parameter p = ps.get(k);
            double[] original = p.values();
            for (int i = 0; i < original.length; i++) {
                double[] shifted = original.clone();
                shifted[i] = original[i] + eps;
                p.copyFrom(shifted);
                double plus = loss.getAsDouble();
                shifted[i] = original[i] - eps;
                p.copyFrom(shifted);
                double minus = loss.getAsDouble();
                p.copyFrom(original);
                double fd = (plus - minus) / (2 * eps);
                assertEquals(fd, analytic.get(k)[i], 1e-6 * Math.max(1, Math.abs(fd)), p.name() + "[" + i + "]");
                checked++;
            }
        }
        return checked;
    }
}
