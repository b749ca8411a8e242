package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.check.GradCheck;
import dev.tapegrad.autograd.Node;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import java.util.List;
import java.util.function.Function;

/** Assertions shared by the gradient properties. */
public final class Check {
    private Check() {}

    /** Asserts that {@code f}'s first and second derivatives at {@code in} match central finite differences (defaults). */
    public static void gradients(Function<Tensor, ? extends Node> f, GradCheck.Input in) {
        passed(GradCheck.withDefaults().check(f, in.shape(), in.values()));
        passed(GradCheck.withDefaults().checkSecondOrder(f, in.shape(), in.values()));
    }

    /** Asserts that {@code f}'s first and second derivatives at these inputs match central finite differences (defaults). */
    public static void gradientsAll(Function<List<Tensor>, ? extends Node> f, GradCheck.Input... in) {
        passed(GradCheck.withDefaults().checkAll(f, List.of(in)));
        passed(GradCheck.withDefaults().checkAllSecondOrder(f, List.of(in)));
    }

    /** Asserts that {@code f}'s first derivatives match central finite differences, for ops differentiable once. */
    public static void firstOrder(Function<Tensor, ? extends Node> f, GradCheck.Input in) {
        passed(GradCheck.withDefaults().check(f, in.shape(), in.values()));
    }

    /** Asserts that {@code f}'s first derivatives at these inputs match central finite differences. */
    public static void firstOrderAll(Function<List<Tensor>, ? extends Node> f, GradCheck.Input... in) {
        passed(GradCheck.withDefaults().checkAll(f, List.of(in)));
    }

    /** Asserts that a report passed and that it compared something. */
    public static void passed(GradCheck.Report r) {
        assertTrue(r.passed(), r::describe);
    }

    /** Asserts equal shapes and values equal within a relative tolerance. */
    public static void values(double[] expected, Shape expectedShape, Node actual, double rtol) {
        assertEquals(expectedShape, actual.shape(), "shape");
        double[] v = actual.values();
        assertEquals(expected.length, v.length, "number of values");
        for (int i = 0; i < v.length; i++) {
            double tol = rtol * Math.max(1.0, Math.abs(expected[i]));
            assertEquals(expected[i], v[i], tol, "element " + i);
        }
    }
}
