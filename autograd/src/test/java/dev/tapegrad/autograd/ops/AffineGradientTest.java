package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import net.jqwik.api.ForAll;
import net.jqwik.api.constraints.IntRange;

/** {@code linear(x, W, b) = x W^T + b} for a batch and for one sample, against finite differences and a plain loop. */
class AffineGradientTest {
    /** {@code x} of {@code xShape} (a batch or one sample), {@code W [out, in]} and {@code b [out]}, each a distinct ramp. */
    static GradCheck.Input[] inputs(Shape xShape, int in, int out) {
        return new GradCheck.Input[] {
            GradCheck.Input.of(xShape, ExpandGradientTest.ramp(xShape.size())),
            GradCheck.Input.of(Shape.of(out, in), ExpandGradientTest.ramp(out * in, 1)),
            GradCheck.Input.of(Shape.of(out), ExpandGradientTest.ramp(out, 2)),
        };
    }

    @GradProperty
    void batchMatchesFiniteDifferences(@ForAll @IntRange(min = 1, max = 3) int rows,
                                       @ForAll @IntRange(min = 1, max = 4) int in,
                                       @ForAll @IntRange(min = 1, max = 3) int out) {
        Check.gradientsAll(t -> t.get(0).linear(t.get(1), t.get(2)).tanh().sum(), inputs(Shape.of(rows, in), in, out));
    }

    @GradProperty
    void oneSampleMatchesFiniteDifferences(@ForAll @IntRange(min = 1, max = 4) int in,
                                           @ForAll @IntRange(min = 1, max = 3) int out) {
        Check.gradientsAll(t -> t.get(0).linear(t.get(1), t.get(2)).sigmoid(), inputs(Shape.of(in), in, out));
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
