package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Tape;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** {@code get(index...)}: one element as a Scalar, with indices counted from either end. */
class IndexGradientTest {
    @Provide
    Arbitrary<Tuple.Tuple2<GradCheck.Input, int[]>> indexed() {
        return Domains.inputs(Domains.shapes(0, 3), Domains.between(-3, 3)).flatMap(in -> {
            int[] dims = in.shape().dims();
            return Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofSize(dims.length).map(seeds -> {
                int[] idx = new int[dims.length];
                for (int a = 0; a < dims.length; a++) {
                    int i = seeds[a] % dims[a];
                    idx[a] = (seeds[a] / dims[a]) % 2 == 0 ? i : i - dims[a];
                }
                return Tuple.of(in, idx);
            });
        });
    }

    @GradProperty
    void matchesFiniteDifferences(@ForAll("indexed") Tuple.Tuple2<GradCheck.Input, int[]> c) {
        Check.gradients(t -> t.get(c.get2()).mul(t.get(c.get2())).add(t.sum()), c.get1());
        Check.gradients(t -> new Index(c.get2()).apply(t.exp()), c.get1());
    }

    @GradProperty
    void readsTheElementAtTheIndex(@ForAll("indexed") Tuple.Tuple2<GradCheck.Input, int[]> c) {
        int[] dims = c.get1().shape().dims();
        int[] idx = c.get2().clone();
        for (int a = 0; a < idx.length; a++) {
            idx[a] = idx[a] < 0 ? idx[a] + dims[a] : idx[a];
        }
        double expected = c.get1().values()[Reference.ravel(idx, dims)];
        assertEquals(expected, new Tape().tensor(c.get1().shape(), c.get1().values()).get(c.get2()).value(), 0.0);
    }
}
