package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.check.GradCheck;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;

/** {@code identity}: the gradient passes unchanged, to every order. */
class IdentityGradientTest {
    @Provide
    Arbitrary<GradCheck.Input> inputs() {
        return Domains.inputs(Domains.shapes(0, 3), Domains.between(-2, 2));
    }

    @GradProperty
    void matchesFiniteDifferences(@ForAll("inputs") GradCheck.Input in) {
        Check.gradients(t -> Identity.INSTANCE.apply(t.mul(t)).asTensor().mul(t).sum(), in);
    }
}
