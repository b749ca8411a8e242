package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import net.jqwik.api.ForAll;
import net.jqwik.api.constraints.IntRange;

/** {@code linear(x, W, b) = x W^T + b} for a batch and for one sample, against finite differences and a plain loop. */
class AffineGradientTest {
    @GradProperty
    void batchMatchesFiniteDifferences(@ForAll @IntRange(min = 1, max = 3) int rows,
                                       @ForAll @IntRange(min = 1, max = 4) int in,
                                       @ForAll @IntRange(min = 1, max = 3) int out) {
        Check.gradientsAll(t -> t.get(0).linear(t.get(1), t.get(2)).tanh().sum(),
                GradCheck.Input.of(Shape.of(rows, in), ExpandGradientTest.ramp(rows * in)),
                GradCheck.Input.of(Shape.of(out, in), ExpandGradientTest.ramp(out * in, 1)),
                GradCheck.Input.of(Shape.of(out), ExpandGradientTest.ramp(out, 2)));
    }

    @GradProperty
    void oneSampleMatchesFiniteDifferences(@ForAll @IntRange(min = 1, max = 4) int in,
                                           @ForAll @IntRange(min = 1, max = 3) int out) {
        Check.gradientsAll(t -> t.get(0).linear(t.get(1), t.get(2)).sigmoid(),
                GradCheck.Input.of(Shape.of(in), ExpandGradientTest.ramp(in)),
                GradCheck.Input.of(Shape.of(out, in), ExpandGradientTest.ramp(out * in, 1)),
                GradCheck.Input.of(Shape.of(out), ExpandGradientTest.ramp(out, 2)));
    }

    @GradProperty
    void valuesMatchPlainLoop(@ForAll @IntRange(min = 1, max = 3) int rows, @ForAll @IntRange(min = 1, max = 4) int in,
                              @ForAll @IntRange(min = 1, max = 3) int out) {
        double[] x = ExpandGradientTest.ramp(rows * in);
        double[] w = ExpandGradientTest.ramp(out * in, 1);
        double[] b = ExpandGradientTest.ramp(out, 2);
        double[] expected = new double[rows * out];
        for (int n = 0; n < rows; n++) {
            for (int o = 0; o < out; o++) {
                double s = b[o];
                for (int k = 0; k < in; k++) {
                    s += x[n * in + k] * w[o * in + k];
                }
                expected[n * out + o] = s;
            }
        }
        Tape tape = new Tape();
        Check.values(expected, Shape.of(rows, out), tape.tensor(Shape.of(rows, in), x)
                .linear(tape.tensor(Shape.of(out, in), w), tape.tensor(Shape.of(out), b)), 1e-14);
    }
}
