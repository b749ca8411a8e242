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

/** {@code permute(perm)} with random permutations (some axes negative) and {@code transpose()}. */
class PermuteGradientTest {
    @Provide
    Arbitrary<Tuple.Tuple2<GradCheck.Input, int[]>> permuted() {
        return Domains.inputs(Domains.shapes(1, 4), Domains.between(-3, 3)).flatMap(in -> {
            int r = in.shape().rank();
            List<Integer> axes = new ArrayList<>();
            for (int i = 0; i < r; i++) {
                axes.add(i);
            }
            return Combinators.combine(Arbitraries.shuffle(axes),
                            Arbitraries.integers().between(0, 1).array(int[].class).ofSize(r))
                    .as((p, neg) -> {
                        int[] perm = new int[r];
                        for (int i = 0; i < r; i++) {
                            perm[i] = neg[i] == 1 ? p.get(i) - r : p.get(i);
                        }
                        return Tuple.of(in, perm);
                    });
        });
    }

    @Provide
    Arbitrary<GradCheck.Input> matrices() {
        return Domains.inputs(Domains.shapes(2, 4), Domains.between(-3, 3));
    }

    @GradProperty
    void permuteMatchesFiniteDifferences(@ForAll("permuted") Tuple.Tuple2<GradCheck.Input, int[]> c) {
        Check.gradients(t -> t.permute(c.get2()).sin(), c.get1());
        Check.gradients(t -> new Permute(c.get2()).apply(t), c.get1());
    }

    @GradProperty
    void transposeMatchesFiniteDifferences(@ForAll("matrices") GradCheck.Input in) {
        Check.gradients(t -> t.transpose().exp(), in);
    }

    @GradProperty
    void valuesMatchPlainLoop(@ForAll("permuted") Tuple.Tuple2<GradCheck.Input, int[]> c) {
        GradCheck.Input in = c.get1();
        int[] dims = in.shape().dims();
        int[] perm = c.get2().clone();
        int[] out = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = perm[i] < 0 ? perm[i] + perm.length : perm[i];
            out[i] = dims[perm[i]];
        }
        Check.values(Reference.permute(in.values(), dims, perm), Shape.of(out),
                new Tape().tensor(in.shape(), in.values()).permute(c.get2()), 0.0);
    }

    @GradProperty
    void transposeSwapsTheLastTwoAxes(@ForAll("matrices") GradCheck.Input in) {
        int r = in.shape().rank();
        int[] perm = new int[r];
        for (int i = 0; i < r; i++) {
            perm[i] = i;
        }
        perm[r - 2] = r - 1;
        perm[r - 1] = r - 2;
        int[] dims = in.shape().dims();
        int[] out = dims.clone();
        out[r - 2] = dims[r - 1];
        out[r - 1] = dims[r - 2];
        Check.values(Reference.permute(in.values(), dims, perm), Shape.of(out),
                new Tape().tensor(in.shape(), in.values()).transpose(), 0.0);
    }
}
