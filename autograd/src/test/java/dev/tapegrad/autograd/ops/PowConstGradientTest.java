package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;

/**
 * {@code pow(double)} on tensors and on the scalar fast path: any exponent for a positive base, and
 * integer exponents for a base of either sign (away from 0).
 */
class PowConstGradientTest {
    @Provide
    Arbitrary<Double> exponents() {
        return Arbitraries.oneOf(Domains.between(-3, 3), Arbitraries.of(0.0, 0.5, 1.0, 2.0, 3.0, -1.0));
    }

    @Provide
    Arbitrary<Double> integerExponents() {
        return Arbitraries.integers().between(-3, 4).map(i -> (double) i);
    }

    @Provide
    Arbitrary<GradCheck.Input> positive() {
        return Domains.inputs(Domains.between(0.2, 3));
    }

    @Provide
    Arbitrary<GradCheck.Input> eitherSign() {
        return Domains.inputs(Domains.awayFromZero(0.2, 2));
    }

    @GradProperty
    void positiveBaseMatchesFiniteDifferences(@ForAll("positive") GradCheck.Input in, @ForAll("exponents") double c) {
        Check.gradients(t -> t.pow(c), in);
        Check.gradients(t -> new PowConst(c).apply(t), in);
        double x = in.values()[0];
        Check.gradients(t -> t.get().pow(c), GradCheck.Input.of(Shape.of(), x));
    }

    @GradProperty
    void integerExponentMatchesFiniteDifferences(@ForAll("eitherSign") GradCheck.Input in,
                                                 @ForAll("integerExponents") double c) {
        Check.gradients(t -> t.pow(c), in);
        double x = in.values()[0];
        Check.gradients(t -> t.get().pow(c), GradCheck.Input.of(Shape.of(), x));
    }

    @GradProperty
    void valuesMatchMathPow(@ForAll("positive") GradCheck.Input in, @ForAll("exponents") double c) {
        double[] expected = in.values().clone();
        for (int i = 0; i < expected.length; i++) {
            expected[i] = Math.exp(c * Math.log(expected[i]));
        }
        Tape tape = new Tape();
        Check.values(expected, in.shape(), tape.tensor(in.shape(), in.values()).pow(c), 1e-13);
        assertEquals(expected[0], tape.scalar(in.values()[0]).pow(c).value(), 1e-13 * Math.max(1, expected[0]));
    }
}
