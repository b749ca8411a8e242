package dev.tapegrad.autograd.higher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tapegrad.autograd.Functional;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Derivatives of derivatives against values derived by hand. */
class HigherOrderTest {
    @Test
    void thirdDerivativeOfCubeOnTheScalarPath() {
        Tape tape = new Tape();
        Scalar x = tape.scalar(1.5);
        Scalar y = x.pow(3);
        Scalar d1 = y.grad(x);
        Scalar d2 = d1.grad(x);
        Scalar d3 = d2.grad(x);
        assertEquals(3 * 1.5 * 1.5, d1.value(), 1e-12);
        assertEquals(6 * 1.5, d2.value(), 1e-12);
        assertEquals(6.0, d3.value(), 1e-12);
        assertEquals(0.0, d3.grad(x).value());
    }

    @Test
    void secondDerivativeOfCubeOnTheTensorPath() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(3), -1.0, 0.5, 2.0);
        Tensor d2 = x.pow(3).sum().grad(x).sum().grad(x);
        assertArrayEquals(new double[] {-6.0, 3.0, 12.0}, d2.values(), 1e-12);
    }

    @Test
    void gradientValuesEqualBackward() {
        Tape tape = new Tape();
        Tensor w = tape.tensor(Shape.of(2, 3), 0.1, -0.2, 0.3, 0.4, -0.5, 0.6);
        Tensor x = tape.constant(Shape.of(3, 2), 1, 2, 3, 4, 5, 6);
        Scalar loss = w.matmul(x).sigmoid().logSoftmax(1).max(0).sum();
        double[] expected = loss.backward().of(w);
        double[] got = loss.grad(w).values();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], got[i], 1e-12 * Math.max(1, Math.abs(expected[i])));
        }
    }

    @Test
    void hessianOfAQuadraticFormIsASymmetrisedMatrix() {
        Tape tape = new Tape();
        double[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        Tensor am = tape.constant(Shape.of(3, 3), a);
        Tensor x = tape.tensor(Shape.of(3), 0.3, -1.0, 2.0);
        Tensor h = Functional.hessian(v -> v.matmul(am).matmul(v).sum(), x);
        assertEquals(Shape.of(3, 3), h.shape());
        double[] expected = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                expected[i * 3 + j] = a[i * 3 + j] + a[j * 3 + i];
            }
        }
        assertArrayEquals(expected, h.values(), 1e-12);
        // The values-only form (createGraph = false): the same matrix, as a constant.
        Tensor values = Functional.hessian(v -> v.matmul(am).matmul(v).sum(), x, false);
        assertEquals(Shape.of(3, 3), values.shape());
        assertFalse(values.requiresGrad(), "a values-only Hessian is a constant");
        assertArrayEquals(expected, values.values(), 1e-12);
    }

    @Test
    void softmaxJacobianIsDiagMinusOuterProduct() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(3), 0.2, -1.0, 0.7);
        double[] s = x.softmax(0).values();
        for (boolean createGraph : new boolean[] {true, false}) {
            double[] got = Functional.jacobian(v -> v.softmax(0), x, createGraph).values();
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals((r == c ? s[r] : 0) - s[r] * s[c], got[r * 3 + c], 1e-14, "createGraph " + createGraph);
                }
            }
        }
    }

    @Test
    void noPerturbationConfusionWhenTheInnerFunctionCapturesTheOuterArgument() {
        // d/dx [x * d/dy (x + y) at y = x] = 1, not 2.
        Tape tape = new Tape();
        Tensor x0 = tape.tensor(Shape.of(), 3.0);
        Tensor d = Functional.grad(x -> x.mul(Functional.grad(y -> x.add(y).sum(), x)).sum(), x0);
        assertEquals(1.0, d.item(), 0.0);
    }

    @Test
    void nestedDerivativeOfAProductIsEight() {
        // D(x -> x * D(y -> x * y)(1))(4) = D(x -> x * x)(4) = 8.
        Tape tape = new Tape();
        Function<Function<Tensor, Scalar>, Function<Tensor, Tensor>> dee = g -> a -> Functional.grad(g, a);
        Tensor one = tape.constant(Shape.of(), 1.0);
        Tensor four = tape.constant(Shape.of(), 4.0);
        Tensor r = dee.apply(x -> x.mul(dee.apply(y -> x.mul(y).sum()).apply(one)).sum()).apply(four);
        assertEquals(8.0, r.item(), 0.0);
    }

    @Test
    void hvpEqualsHessianTimesVector() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(3), 0.3, -0.4, 0.9);
        Tensor v = tape.constant(Shape.of(3), 1.0, 2.0, -1.0);
        Function<Tensor, Scalar> f = t -> t.tanh().mul(t.sin()).sum().mul(t.exp().sum());
        double[] h = Functional.hessian(f, x).values();
        double[] hv = Functional.hvp(f, x, v).values();
        double[] vv = v.values();
        for (int i = 0; i < 3; i++) {
            double e = 0;
            for (int j = 0; j < 3; j++) {
                e += h[i * 3 + j] * vv[j];
            }
            assertEquals(e, hv[i], 1e-12);
        }
    }

    @Test
    void jvpAndVjpAreAdjoint() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(2, 2), 0.3, -0.4, 0.9, 0.1);
        Tensor v = tape.constant(Shape.of(2, 2), 1.0, 2.0, -1.0, 0.5);
        Tensor u = tape.constant(Shape.of(2), 0.7, -1.3);
        Function<Tensor, Tensor> f = t -> t.matmul(t).sigmoid().sum(1);
        double jv = Functional.jvp(f, x, v).mul(u).sum().value();
        double vju = Functional.vjp(f, x, u).mul(v).sum().value();
        assertEquals(jv, vju, 1e-14);
    }

    @Test
    void aHessianIsSymmetric() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(4), 0.3, -0.7, 1.1, 0.2);
        Tensor h = Functional.hessian(t -> t.tanh().mul(t.sin().sum()).sum().add(t.exp().log1p().sum().mul(t.sum())), x);
        double[] v = h.values();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(v[i * 4 + j], v[j * 4 + i], 1e-12 * Math.max(1, Math.abs(v[i * 4 + j])), i + "," + j);
            }
        }
    }

    @Test
    void aFunctionThatDifferentiatesItself() {
        // f(x) = x * f'_0(x) with f_0(y) = y^3, so f(x) = 3 x^3 and f'(x) = 9 x^2, f''(x) = 18 x.
        Tape tape = new Tape();
        Function<Tensor, Scalar> f = x -> x.mul(Functional.grad(y -> y.pow(3).sum(), x)).sum();
        Tensor x0 = tape.tensor(Shape.of(), 1.5);
        Tensor d1 = Functional.grad(f, x0);
        assertEquals(9 * 1.5 * 1.5, d1.item(), 1e-12);
        assertEquals(18 * 1.5, Functional.grad(x -> Functional.grad(f, x).sum(), x0).item(), 1e-12);
    }

    @Test
    void aScalarOfConstantsOnlyGetsNoGradientOnEitherPath() {
        Tape tape = new Tape();
        Scalar x = tape.scalar(2.0);
        Scalar c = tape.constant(3.0).mul(tape.constant(4.0)); // no variable in sight
        Scalar y = x.mul(c);
        var g = y.backward();
        assertEquals(0.0, g.of(c));
        assertEquals(false, g.reached(c));
        assertEquals(false, c.requiresGrad());
        assertEquals(12.0, g.of(x));
        Tensor ct = tape.constant(Shape.of(), 3.0).mul(tape.constant(Shape.of(), 4.0));
        var gt = x.asTensor().mul(ct).sum().backward();
        assertEquals(false, gt.reached(ct));
        assertEquals(0.0, gt.of(ct)[0]);
    }

    @Test
    void aCustomOpWithASecondDerivativeIsDifferentiableTwiceAndNamesItselfAtTheThird() {
        // softplus: f = ln(1 + e^x), f' = s(x), f'' = s(x)(1 - s(x)) with s the logistic function.
        java.util.function.DoubleUnaryOperator s = v -> 1 / (1 + Math.exp(-v));
        dev.tapegrad.autograd.UnaryOp softplus = dev.tapegrad.autograd.UnaryOp.of("softplus",
                v -> Math.log1p(Math.exp(v)), s, v -> s.applyAsDouble(v) * (1 - s.applyAsDouble(v)));
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(2), 0.4, -1.3);
        Tensor d1 = softplus.apply(x).sum().grad(x);
        Tensor d2 = d1.sum().grad(x);
        for (int i = 0; i < 2; i++) {
            double v = x.values()[i];
            double sv = s.applyAsDouble(v);
            assertEquals(sv, d1.values()[i], 1e-15);
            assertEquals(sv * (1 - sv), d2.values()[i], 1e-15);
        }
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.tapegrad.autograd.NotDifferentiableException.class,
                () -> d2.sum().grad(x));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("softplus': "), e.getMessage());
    }

    @Test
    void gradientsWithRespectToSeveralTensorsComeFromOneSweepAndEqualEachAlone() {
        Tape tape = new Tape();
        Tensor w = tape.tensor(Shape.of(2, 3), 0.1, -0.2, 0.3, 0.4, -0.5, 0.6);
        Tensor b = tape.tensor(Shape.of(2), 0.05, -0.07);
        Tensor unused = tape.tensor(Shape.of(3), 1, 2, 3);
        Tensor x = tape.constant(Shape.of(4, 3), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        Scalar loss = x.linear(w, b).tanh().mul(x.linear(w, b)).sum();
        java.util.List<Tensor> g = loss.grad(java.util.List.of(w, b, unused));
        assertArrayEquals(loss.grad(w).values(), g.get(0).values(), 0.0);
        assertArrayEquals(loss.grad(b).values(), g.get(1).values(), 0.0);
        assertArrayEquals(new double[3], g.get(2).values(), 0.0);
        // And the results are differentiable: the second derivative in b of the b-gradient's sum.
        double[] expected = g.get(1).sum().grad(b).values();
        assertArrayEquals(expected, loss.grad(b).sum().grad(b).values(), 1e-12);
    }
}
