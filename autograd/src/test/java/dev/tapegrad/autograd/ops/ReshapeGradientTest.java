package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** {@code reshape(dims)}: to a reordering of the same dimensions, with one of them {@code -1} at times. */
class ReshapeGradientTest {
    @Provide
    Arbitrary<Tuple.Tuple2<GradCheck.Input, int[]>> reshaped() {
        return Domains.inputs(Domains.shapes(0, 4), Domains.between(-3, 3)).flatMap(in -> {
            List<Integer> dims = new ArrayList<>();
            for (int d : in.shape().dims()) {
                dims.add(d);
            }
            dims.add(1);
            return Combinators.combine(Arbitraries.shuffle(dims), Arbitraries.integers().between(-1, dims.size() - 1))
                    .as((p, infer) -> {
                        int[] target = p.stream().mapToInt(Integer::intValue).toArray();
                        if (infer >= 0) {
                            target[infer] = -1;
                        }
                        return Tuple.of(in, target);
                    });
        });
    }

    @GradProperty
    void matchesFiniteDifferences(@ForAll("reshaped") Tuple.Tuple2<GradCheck.Input, int[]> c) {
        Check.gradients(t -> t.reshape(c.get2()).mul(t.reshape(c.get2())), c.get1());
        Check.gradients(t -> new Reshape(c.get2()).apply(t).asTensor().exp(), c.get1());
    }

    @GradProperty
    void keepsTheRowMajorOrder(@ForAll("reshaped") Tuple.Tuple2<GradCheck.Input, int[]> c) {
        int[] expectedDims = c.get2().clone();
        int known = 1;
        for (int d : expectedDims) {
            known *= d == -1 ? 1 : d;
        }
        for (int i = 0; i < expectedDims.length; i++) {
            if (expectedDims[i] == -1) {
                expectedDims[i] = c.get1().values().length / known;
            }
        }
        GradCheck.Input in = c.get1();
        Check.values(in.values(), Shape.of(expectedDims), new Tape().tensor(in.shape(), in.values()).reshape(c.get2()),
                0.0);
    }
}
