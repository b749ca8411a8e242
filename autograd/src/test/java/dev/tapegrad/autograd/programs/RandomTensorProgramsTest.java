package dev.tapegrad.autograd.programs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random tensor programs (depth up to 6, shapes that broadcast together): the full Jacobian from the
 * tape matches central finite differences, and so does the Jacobian of the recorded gradient (second
 * order). With the scalar programs, whose check includes second order too, 1,200 programs a run.
 */
class RandomTensorProgramsTest {
    @Provide
    Arbitrary<TensorProgram> programs() {
        Arbitrary<Integer> depths = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.integers().between(1, 2)), Tuple.of(4, Arbitraries.integers().between(3, 6)));
        return depths.flatMap(depth -> Arbitraries.longs().map(seed -> TensorProgram.of(seed, depth)));
    }

    @Property(tries = 700, seed = "4242")
    void jacobianMatchesFiniteDifferences(@ForAll("programs") TensorProgram p) {
        Assume.that(!p.variables().isEmpty() && guard(p).safe());
        GradCheck.Report r = GradCheck.withDefaults().checkAll(vars -> p.eval(vars, new Guard()), p.variables());
        assertTrue(r.passed(), () -> p + "\n" + r.describe());
        GradCheck.Report second = GradCheck.withDefaults().checkAllSecondOrder(vars -> p.eval(vars, new Guard()),
                p.variables());
        assertTrue(second.passed(), () -> p + "\nsecond order: " + second.describe());
    }

    private static Guard guard(TensorProgram p) {
        Tape tape = new Tape();
        List<Tensor> vars = new ArrayList<>();
        for (GradCheck.Input in : p.variables()) {
            vars.add(tape.tensor(in.shape(), in.values()));
        }
        Guard g = new Guard();
        g.values(p.eval(vars, g).values());
        return g;
    }
}
