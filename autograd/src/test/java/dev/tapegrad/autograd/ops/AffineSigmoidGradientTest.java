package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@code linearSigmoid(x, W, b) = sigmoid(x W^T + b)} against finite differences (first and second
 * order), and bit for bit against the two ops it fuses, {@code x.linear(W, b).sigmoid()}: values,
 * gradients and recorded gradients, below and above the size where the sigmoid switches to the
 * kernel loop and where that loop is split over threads.
 */
class AffineSigmoidGradientTest {
    private static Tensor fused(List<Tensor> t) {
        return (Tensor) AffineSigmoid.INSTANCE.apply(t.get(0), t.get(1), t.get(2));
    }

    @GradProperty
    void batchMatchesFiniteDifferences(@ForAll @IntRange(min = 1, max = 3) int rows,
                                       @ForAll @IntRange(min = 1, max = 4) int in,
                                       @ForAll @IntRange(min = 1, max = 3) int out) {
        Check.gradientsAll(t -> fused(t).mul(fused(t)).sum(), AffineGradientTest.inputs(Shape.of(rows, in), in, out));
    }

    @GradProperty
    void oneSampleMatchesFiniteDifferences(@ForAll @IntRange(min = 1, max = 4) int in,
                                           @ForAll @IntRange(min = 1, max = 3) int out) {
        Check.gradientsAll(t -> fused(t).tanh().sum(), AffineGradientTest.inputs(Shape.of(in), in, out));
    }

    /** The loss {@code sum(y * c)} with fixed weights {@code c}, so every output element has its own gradient. */
    private static Scalar loss(Tensor y, Tape tape) {
        return y.mul(tape.constant(y.shape(), ExpandGradientTest.ramp(y.shape().size(), 3))).sum();
    }

    @Test
    void sameBitsAsLinearThenSigmoid() {
        // 1 x 4 outputs: plain loops; 40 x 3: the kernel loop; 300 x 300: the loop split over threads.
        int[][] shapes = {{1, 3, 4}, {40, 5, 3}, {300, 7, 300}};
        for (int[] s : shapes) {
            int rows = s[0];
            int in = s[1];
            int out = s[2];
            double[] x = ExpandGradientTest.ramp(rows * in);
            double[] w = ExpandGradientTest.ramp(out * in, 1);
            double[] b = ExpandGradientTest.ramp(out, 2);
            Tensor[] fused = new Tensor[3];
            Tensor[] plain = new Tensor[3];
            Tape ft = new Tape();
            Tape pt = new Tape();
            List<Tensor> fin = List.of(ft.tensor(Shape.of(rows, in), x), ft.tensor(Shape.of(out, in), w), ft.tensor(Shape.of(out), b));
            List<Tensor> pin = List.of(pt.tensor(Shape.of(rows, in), x), pt.tensor(Shape.of(out, in), w), pt.tensor(Shape.of(out), b));
            Tensor fy = fused(fin);
            Tensor py = pin.get(0).linear(pin.get(1), pin.get(2)).sigmoid();
            String what = rows + "x" + in + " -> " + out;
            assertEquals("linearSigmoid", AffineSigmoid.INSTANCE.name());
            assertArrayEquals(py.values(), fy.values(), what + ": values");
            Scalar fl = loss(fy, ft);
            Scalar pl = loss(py, pt);
            Gradients fg = fl.backward();
            Gradients pg = pl.backward();
            List<Tensor> frec = fl.grad(fin);
            List<Tensor> prec = pl.grad(pin);
            for (int k = 0; k < 3; k++) {
                assertArrayEquals(pg.of(pin.get(k)), fg.of(fin.get(k)), what + ": gradient " + k);
                assertArrayEquals(prec.get(k).values(), frec.get(k).values(), what + ": recorded gradient " + k);
            }
        }
    }

    @Test
    void badShapesAreNamedAsThisOp() {
        Tape tape = new Tape();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AffineSigmoid.INSTANCE.apply(
                tape.tensor(Shape.of(2, 3), new double[6]), tape.tensor(Shape.of(4, 5), new double[20]),
                tape.tensor(Shape.of(4), new double[4])));
        assertTrue(e.getMessage().startsWith("linearSigmoid: input of shape [2, 3] does not fit weight [4, 5]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AffineSigmoid.INSTANCE.apply(
                tape.tensor(Shape.of(2, 3), new double[6]), tape.tensor(Shape.of(4, 3), new double[12]),
                tape.tensor(Shape.of(3), new double[3])));
        assertTrue(e.getMessage().startsWith("linearSigmoid: weight [4, 3] must be [out, in] and bias [3]"), e.getMessage());
    }
}
