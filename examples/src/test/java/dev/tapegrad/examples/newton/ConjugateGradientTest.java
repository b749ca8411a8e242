package dev.tapegrad.examples.newton;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Conjugate gradient on small systems whose solutions are known. */
class ConjugateGradientTest {
    private static UnaryOperator<double[]> matrix(double[][] a) {
        return z -> {
            double[] r = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < z.length; j++) {
                    r[i] += a[i][j] * z[j];
                }
            }
            return r;
        };
    }

    @Test
    void solvesAPositiveDefiniteSystemInAtMostItsDimensionSteps() {
        // A = [[4, 1, 0], [1, 3, 1], [0, 1, 2]], x = (1, -2, 3), so b = A x = (2, -2, 4).
        double[][] a = {{4, 1, 0}, {1, 3, 1}, {0, 1, 2}};
        ConjugateGradient.Result r = ConjugateGradient.solve(matrix(a), new double[] {2, -2, 4}, 10, 1e-12);
        assertArrayEquals(new double[] {1, -2, 3}, r.d(), 1e-12);
        assertTrue(r.steps() <= 3, "steps " + r.steps());
        assertFalse(r.negativeCurvature());
    }

    @Test
    void stopsAtNegativeCurvatureWithTheRightHandSideOnTheFirstDirection() {
        double[][] a = {{-1, 0}, {0, 2}};
        double[] b = {1, 0};
        ConjugateGradient.Result r = ConjugateGradient.solve(matrix(a), b, 10, 1e-12);
        assertTrue(r.negativeCurvature());
        assertEquals(1, r.steps());
        assertArrayEquals(b, r.d(), 0.0);
    }

    @Test
    void respectsTheStepBudget() {
        double[][] a = {{4, 1, 0}, {1, 3, 1}, {0, 1, 2}};
        ConjugateGradient.Result r = ConjugateGradient.solve(matrix(a), new double[] {2, -2, 4}, 1, 1e-12);
        assertEquals(1, r.steps());
    }
}
