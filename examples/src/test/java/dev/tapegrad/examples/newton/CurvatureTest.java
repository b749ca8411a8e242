package dev.tapegrad.examples.newton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.nn.Mlp;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Hessian-vector products the newton command uses against central differences of the gradient,
 * where the gradient comes from the first-order {@code backward()} (not from the recorded gradient).
 */
class CurvatureTest {
    private static final double EPS = 1e-5;

    @Test
    void hessianVectorProductsMatchFiniteDifferencesOfTheGradient() {
        SplittableRandom rng = new SplittableRandom(11);
        for (long seed = 1; seed <= 3; seed++) {
            double[] theta = FlatMlp.flatten(Mlp.sigmoid(new SplittableRandom(seed), 3, 4, 1));
            Curvature c = new Curvature(NewtonCommand::loss, theta);
            for (int trial = 0; trial < 4; trial++) {
                double[] v = new double[theta.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = rng.nextGaussian();
                }
                double[] hv = c.times(v);
                double[] plus = backwardGradient(shifted(theta, v, EPS));
                double[] minus = backwardGradient(shifted(theta, v, -EPS));
                double scale = 0;
                for (double h : hv) {
                    scale = Math.max(scale, Math.abs(h));
                }
                assertTrue(scale > 1e-4, "a direction with curvature");
                for (int i = 0; i < hv.length; i++) {
                    double fd = (plus[i] - minus[i]) / (2 * EPS);
                    assertEquals(fd, hv[i], 1e-7 * Math.max(1, Math.abs(fd)), "seed " + seed + " element " + i);
                }
            }
            assertEquals(4, c.products());
        }
    }

    @Test
    void lossAndGradientAgreeWithTheFirstOrderPath() {
        double[] theta = FlatMlp.flatten(Mlp.sigmoid(new SplittableRandom(5), 3, 4, 1));
        Curvature c = new Curvature(NewtonCommand::loss, theta);
        double[] expected = backwardGradient(theta);
        double[] got = c.gradient();
        for (int i = 0; i < got.length; i++) {
            assertEquals(expected[i], got[i], 1e-12 * Math.max(1, Math.abs(expected[i])));
        }
        Tape tape = new Tape();
        assertEquals(NewtonCommand.loss(tape.tensor(Shape.of(theta.length), theta)).value(), c.loss(), 0.0);
    }

    @Test
    void aDirectionOfTheWrongLengthIsNamed() {
        Curvature c = new Curvature(NewtonCommand::loss, new double[21]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.times(new double[3]));
        assertTrue(e.getMessage().contains("3 values") && e.getMessage().contains("21 parameters"), e.getMessage());
    }

    @Test
    void flatLayoutIsNnsMlp() {
        var net = Mlp.sigmoid(new SplittableRandom(9), 3, 4, 1);
        double[] theta = FlatMlp.flatten(net);
        double[][] rows = NewtonCommand.Task.inputs();
        double[][] expected = net.predict(rows);
        double[] got = NewtonCommand.outputs(theta);
        for (int i = 0; i < 8; i++) {
            assertEquals(expected[i][0], got[i], 1e-15);
        }
    }

    private static double[] backwardGradient(double[] theta) {
        Tape tape = new Tape();
        Tensor p = tape.tensor(Shape.of(theta.length), theta);
        Scalar loss = NewtonCommand.loss(p);
        return loss.backward().of(p);
    }

    private static double[] shifted(double[] theta, double[] v, double eps) {
        double[] t = theta.clone();
        for (int i = 0; i < t.length; i++) {
            t[i] += eps * v[i];
        }
        return t;
    }
}
