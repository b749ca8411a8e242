package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** {@code sumTo} down to every shape that broadcasts to a rank-3 input. */
class SumToGradientTest {
    @Property(tries = 8, seed = GradProperty.SEED)
    void sumsDownToEachSubShape(@ForAll boolean keepLeading) {
        Shape in = Shape.of(2, 3, 2);
        Shape[] targets = keepLeading
                ? new Shape[] {Shape.of(2, 1, 2), Shape.of(1, 3, 1), Shape.of(2, 3, 1)}
                : new Shape[] {Shape.of(3, 2), Shape.of(2), Shape.of(1), Shape.of()};
        for (Shape s : targets) {
            Check.gradients(t -> t.sumTo(s).exp().sum(), GradCheck.Input.of(in, ExpandGradientTest.ramp(in.size())));
        }
    }
}
