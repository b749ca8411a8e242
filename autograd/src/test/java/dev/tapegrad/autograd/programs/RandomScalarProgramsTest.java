package dev.tapegrad.autograd.programs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.ops.Check;
import dev.tapegrad.autograd.ops.Domains;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random scalar programs (expression trees up to depth 6 over every Scalar op and constant
 * overload): gradients from one backward pass match central finite differences, and equal those read
 * from variables made with {@code tape.scalar} directly.
 */
class RandomScalarProgramsTest {
    @Provide
    Arbitrary<ScalarProgram> programs() {
        return ScalarProgram.programs(6);
    }

    @Provide
    Arbitrary<double[]> points() {
        return Domains.values(Domains.between(-1.5, 1.5), ScalarProgram.VARIABLES);
    }

    @Property(tries = 600, seed = "7031")
    void gradientsMatchFiniteDifferences(@ForAll("programs") ScalarProgram p, @ForAll("points") double[] x) {
        Assume.that(ScalarProgram.guardAt(p, x).safe());
        Check.gradients(t -> {
            Scalar[] vars = new Scalar[x.length];
            for (int i = 0; i < x.length; i++) {
                vars[i] = t.get(i);
            }
            return p.eval(vars, new Guard());
        }, GradCheck.Input.of(Shape.of(x.length), x));

        // The same program on scalar leaves (no tensor in sight) gives the same gradients.
        Tape tape = new Tape();
        Scalar[] vars = new Scalar[x.length];
        for (int i = 0; i < x.length; i++) {
            vars[i] = tape.scalar(x[i]);
        }
        Gradients g = p.eval(vars, new Guard()).backward();
        Tape tape2 = new Tape();
        var t = tape2.tensor(Shape.of(x.length), x);
        Scalar[] viaTensor = new Scalar[x.length];
        for (int i = 0; i < x.length; i++) {
            viaTensor[i] = t.get(i);
        }
        double[] expected = p.eval(viaTensor, new Guard()).backward().of(t);
        for (int i = 0; i < x.length; i++) {
            assertEquals(expected[i], g.of(vars[i]), 1e-12 * Math.max(1, Math.abs(expected[i])), "variable " + i);
        }
    }
}
