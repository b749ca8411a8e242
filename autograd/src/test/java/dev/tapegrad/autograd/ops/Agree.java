package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Node;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@link Check#gradients} and, besides, the recorded gradient against the numeric one: a second-order
 * check differentiates the recorded gradient, so a vjp that is wrong but consistent with its own
 * derivative would pass it; here its values must equal {@code backward}'s.
 */
final class Agree {
    private Agree() {}

    /** First and second order against finite differences, and the recorded gradient against the numeric one. */
    static void gradients(Function<Tensor, ? extends Node> f, GradCheck.Input in) {
        Check.gradients(f, in);
        recordedMatchesNumeric(l -> f.apply(l.get(0)), in);
    }

    /** {@link #gradients} for several inputs. */
    static void gradientsAll(Function<List<Tensor>, ? extends Node> f, GradCheck.Input... in) {
        Check.gradientsAll(f, in);
        recordedMatchesNumeric(f, in);
    }

    private static void recordedMatchesNumeric(Function<List<Tensor>, ? extends Node> f, GradCheck.Input... in) {
        Tape tape = new Tape();
        List<Tensor> xs = new ArrayList<>();
        for (GradCheck.Input i : in) {
            xs.add(tape.tensor(i.shape(), i.values()));
        }
        Tensor y = f.apply(xs).asTensor();
        double[] seed = ExpandGradientTest.ramp(y.shape().size(), 3);
        var numeric = y.backward(seed);
        for (int k = 0; k < xs.size(); k++) {
            double[] want = numeric.of(xs.get(k));
            double[] got = y.grad(xs.get(k), tape.constant(y.shape(), seed)).values();
            for (int e = 0; e < want.length; e++) {
                assertEquals(want[e], got[e], 1e-12 * Math.max(1, Math.abs(want[e])),
                        "recorded gradient of input " + k + " element " + e + " differs from backward's");
            }
        }
    }
}
