package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.check.GradCheck;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@code g p(y)}: values against the polynomial written out, first and second derivatives in both
 * inputs against finite differences (for sigmoid's and tanh's polynomials, a cubic and a quartic), and
 * sigmoid's and tanh's recorded gradients, which it now carries, up to the third derivative against
 * closed forms.
 */
class ScaledPolynomialGradientTest {
    private static final ScaledPolynomial SIGMOID = Sigmoid.gradientFromOutput();
    private static final ScaledPolynomial TANH = Tanh.gradientFromOutput();
    private static final ScaledPolynomial CUBIC = new ScaledPolynomial("cubic", 0.5, -1, 0.25, 2);
    private static final ScaledPolynomial QUARTIC = new ScaledPolynomial("quartic", 1, 0, -1, 0, 0.5);

    /** One of the four polynomials and a gradient and an output of one shape. */
    @Provide
    Arbitrary<Object[]> cases() {
        return Combinators.combine(Arbitraries.of(SIGMOID, TANH,
                                CUBIC, QUARTIC), Domains.shapes(0, 3))
                .flatAs((op, s) -> Combinators.combine(Domains.values(Domains.between(-2, 2), s.size()),
                                Domains.values(Domains.between(-1, 1), s.size()))
                        .as((g, y) -> new Object[] {op, GradCheck.Input.of(s, g), GradCheck.Input.of(s, y)}));
    }

    @GradProperty
    void valuesAreTheGradientTimesThePolynomial(@ForAll("cases") Object[] c) {
        ScaledPolynomial op = (ScaledPolynomial) c[0];
        GradCheck.Input g = (GradCheck.Input) c[1];
        GradCheck.Input y = (GradCheck.Input) c[2];
        double[] k = op.coefficients();
        double[] expected = new double[g.values().length];
        for (int i = 0; i < expected.length; i++) {
            double p = 0;
            for (int d = 0; d < k.length; d++) {
                p += k[d] * Math.pow(y.values()[i], d);
            }
            expected[i] = g.values()[i] * p;
        }
        Tape tape = new Tape();
        Check.values(expected, g.shape(), op.apply(tape.tensor(g.shape(), g.values()), tape.tensor(y.shape(), y.values())),
                1e-14);
    }

    @GradProperty
    void firstAndSecondDerivativesMatchFiniteDifferences(@ForAll("cases") Object[] c) {
        ScaledPolynomial op = (ScaledPolynomial) c[0];
        // The sine makes the second derivative in g alone non-zero (the op is linear in g).
        Check.gradientsAll(ts -> op.apply(ts.get(0), ts.get(1)).asTensor().sin(), (GradCheck.Input) c[1],
                (GradCheck.Input) c[2]);
    }

    @Test
    void derivativeDifferentiatesTheCoefficients() {
        assertArrayEquals(new double[] {1, -2}, SIGMOID.derivative().coefficients());
        assertArrayEquals(new double[] {0, -2}, TANH.derivative().coefficients());
        assertArrayEquals(new double[] {-1, 0.5, 6}, CUBIC.derivative().coefficients());
        assertEquals("sigmoidBackward''", SIGMOID.derivative().derivative().name());
        assertArrayEquals(new double[0], new ScaledPolynomial("c", 3).derivative().coefficients());
    }

    @Test
    void shapesMustBeEqual() {
        Tape tape = new Tape();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SIGMOID
                .apply(tape.tensor(Shape.of(2, 3), new double[6]), tape.tensor(Shape.of(3), new double[3])));
        assertTrue(e.getMessage().contains("sigmoidBackward: gradient of shape [2, 3] and output of shape [3] differ"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ScaledPolynomial("bad", 1, Double.NaN));
    }

    /** Two factors and an output of one shape, for the factored form {@code g h p(y)}. */
    @Provide
    Arbitrary<Object[]> factored() {
        return Combinators.combine(Arbitraries.of(SIGMOID, CUBIC), Domains.shapes(0, 3))
                .flatAs((op, s) -> Combinators.combine(Domains.values(Domains.between(-2, 2), s.size()),
                                Domains.values(Domains.between(-2, 2), s.size()), Domains.values(Domains.between(-1, 1), s.size()))
                        .as((g, h, y) -> new Object[] {op, GradCheck.Input.of(s, g), GradCheck.Input.of(s, h),
                                GradCheck.Input.of(s, y)}));
    }

    @GradProperty
    void factoredValuesAreEveryFactorTimesThePolynomial(@ForAll("factored") Object[] c) {
        ScaledPolynomial op = (ScaledPolynomial) c[0];
        double[] g = ((GradCheck.Input) c[1]).values();
        double[] h = ((GradCheck.Input) c[2]).values();
        GradCheck.Input y = (GradCheck.Input) c[3];
        double[] k = op.coefficients();
        double[] expected = new double[g.length];
        for (int i = 0; i < expected.length; i++) {
            double p = 0;
            for (int d = 0; d < k.length; d++) {
                p += k[d] * Math.pow(y.values()[i], d);
            }
            expected[i] = g[i] * h[i] * p;
        }
        Tape tape = new Tape();
        Check.values(expected, y.shape(), op.apply(tape.tensor(y.shape(), g), tape.tensor(y.shape(), h),
                tape.tensor(y.shape(), y.values())), 1e-14);
    }

    @GradProperty
    void factoredFirstAndSecondDerivativesMatchFiniteDifferences(@ForAll("factored") Object[] c) {
        ScaledPolynomial op = (ScaledPolynomial) c[0];
        Check.gradientsAll(ts -> op.apply(ts.get(0), ts.get(1), ts.get(2)).asTensor().sin(), (GradCheck.Input) c[1],
                (GradCheck.Input) c[2], (GradCheck.Input) c[3]);
    }

    /** The output's gradient of the gradient {@code u g p'(y)} is one node, not a product and a polynomial node. */
    @Test
    void secondOrderOutputGradientIsOneNode() {
        Tape tape = new Tape();
        // g a constant, so that the sweep records no gradient for it.
        Tensor g = tape.constant(Shape.of(2), 0.5, -1);
        Tensor y = tape.tensor(Shape.of(2), 0.25, 0.75);
        Tensor u = tape.tensor(Shape.of(2), 2, 3);
        Tensor z = SIGMOID.apply(g, y).asTensor();
        int before = tape.size();
        Tensor gy = z.grad(y, u);
        assertEquals(before + 1, tape.size(), "one node for the gradient in y");
        assertEquals("sigmoidBackward'", tape.node(gy).opName());
        // u g (1 - 2 y), written out.
        assertArrayEquals(new double[] {2 * 0.5 * (1 - 0.5), 3 * -1 * (1 - 1.5)}, gy.values(), 1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SIGMOID.apply(g, u,
                tape.tensor(Shape.of(3), new double[3])));
        assertTrue(e.getMessage().contains("gradient factor 0 of shape [2] and output of shape [3] differ"), e.getMessage());
    }

    @Test
    void sigmoidsGradientIsOneFusedNode() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(3), -1, 0.5, 2);
        Tensor g = x.sigmoid().sum().grad(x);
        assertEquals("sigmoidBackward", tape.node(g).opName());
    }

    /** s' = s(1-s), s'' = s'(1-2s), s''' = s'(1 - 6s + 6s^2), at each point. */
    @Test
    void sigmoidsThirdDerivativeMatchesClosedForm() {
        for (double v : new double[] {-3, -0.4, 0, 1.1, 4}) {
            Tape tape = new Tape();
            Tensor xt = tape.tensor(Shape.of(1), v);
            Tensor d3 = xt.sigmoid().sum().grad(xt).sum().grad(xt).sum().grad(xt);
            double s = 1 / (1 + Math.exp(-v));
            double d1 = s * (1 - s);
            assertEquals(d1 * (1 - 6 * s + 6 * s * s), d3.item(), 1e-14, "x = " + v);
        }
    }

    /** t' = 1 - t^2, t'' = -2 t t', t''' = t' (6 t^2 - 2). */
    @Test
    void tanhsThirdDerivativeMatchesClosedForm() {
        for (double v : new double[] {-2, -0.3, 0, 0.7, 1.9}) {
            Tape tape = new Tape();
            Tensor xt = tape.tensor(Shape.of(1), v);
            Tensor d3 = xt.tanh().sum().grad(xt).sum().grad(xt).sum().grad(xt);
            double t = Math.tanh(v);
            double d1 = 1 - t * t;
            assertEquals(d1 * (6 * t * t - 2), d3.item(), 1e-14, "x = " + v);
        }
    }
}
