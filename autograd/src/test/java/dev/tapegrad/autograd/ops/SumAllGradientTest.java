package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Tape;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;

/** {@code sum()} and {@code mean()} of all elements. */
class SumAllGradientTest {
    @Provide
    Arbitrary<GradCheck.Input> anyInput() {
        return Domains.inputs(Domains.between(-3, 3));
    }

    @GradProperty
    void sumMatchesFiniteDifferences(@ForAll("anyInput") GradCheck.Input in) {
        Check.gradients(t -> t.mul(t).sum(), in);
        Check.gradients(t -> SumAll.INSTANCE.apply(t.sin()), in);
    }

    @GradProperty
    void meanMatchesFiniteDifferences(@ForAll("anyInput") GradCheck.Input in) {
        Check.gradients(t -> t.exp().mean(), in);
    }

    @GradProperty
    void valuesMatchPlainLoop(@ForAll("anyInput") GradCheck.Input in) {
        double s = 0;
        for (double v : in.values()) {
            s += v;
        }
        Tape tape = new Tape();
        assertEquals(s, tape.tensor(in.shape(), in.values()).sum().value(), 1e-12);
        assertEquals(s / in.values().length, tape.tensor(in.shape(), in.values()).mean().value(), 1e-12);
    }
}
