package dev.tapegrad.examples.newton;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.nn.Mlp;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The two-sweep Hessian against closed forms, and the flat network's rows against the network itself. */
class BatchedHessianTest {
    @Test
    void hessianOfAQuadraticFormIsTheSymmetrisedMatrix() {
        double[] a = {1, 2, 3, 4, 5, 6, 7, 8, 10};
        Tape tape = new Tape();
        Tensor am = tape.constant(Shape.of(3, 3), a);
        Tensor x = tape.tensor(Shape.of(3), 0.3, -1.0, 2.0);
        // sum over rows k of P_k A P_k^T
        Tensor h = BatchedHessian.hessian(p -> p.matmul(am).mul(p).sum(), x);
        assertEquals(Shape.of(3, 3), h.shape());
        double[] expected = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                expected[i * 3 + j] = a[i * 3 + j] + a[j * 3 + i];
            }
        }
        assertArrayEquals(expected, h.values(), 1e-12);
    }

    @Test
    void hessianOfACubicDependsOnThePointAndCanBeDifferentiatedAgain() {
        // f(x) = sum x^3: H = diag(6 x), and d(trace H)/dx = 6 for every element.
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(2), 0.5, -2.0);
        Tensor h = BatchedHessian.hessian(p -> p.pow(3).sum(), x);
        assertArrayEquals(new double[] {3.0, 0.0, 0.0, -12.0}, h.values(), 1e-12);
        assertArrayEquals(new double[] {6.0, 6.0}, h.get(0, 0).add(h.get(1, 1)).grad(x).values(), 1e-12);
    }

    @Test
    void rowsOfTheFlatNetworkAreIndependentNetworks() {
        FlatMlp layout = new FlatMlp(true, 3, 4, 1);
        double[] a = FlatMlp.flatten(Mlp.sigmoid(new SplittableRandom(1), 3, 4, 1));
        double[] b = FlatMlp.flatten(Mlp.sigmoid(new SplittableRandom(2), 3, 4, 1));
        double[] both = new double[42];
        System.arraycopy(a, 0, both, 0, 21);
        System.arraycopy(b, 0, both, 21, 21);
        Tape tape = new Tape();
        Tensor xt = tape.constant(Shape.of(8, 3), NewtonCommand.Task.flatInputs()).transpose();
        double[] rows = layout.forwardRows(tape.constant(Shape.of(2, 21), both), xt).values();
        assertEquals(16, rows.length);
        double[] oa = NewtonCommand.outputs(a);
        double[] ob = NewtonCommand.outputs(b);
        for (int i = 0; i < 8; i++) {
            assertEquals(oa[i], rows[i], 1e-15);
            assertEquals(ob[i], rows[8 + i], 1e-15);
        }
    }

    @Test
    void aNonVectorIsRefused() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(2, 2), 1, 2, 3, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BatchedHessian.hessian(p -> p.sum(), x));
        assertTrue(e.getMessage().contains("[2, 2]"), e.getMessage());
    }
}
