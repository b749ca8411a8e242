package dev.tapegrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * L-BFGS on the Rosenbrock function and on a small network, against {@code torch.optim.LBFGS}'s
 * trajectory (values from {@code tools/pytorch/lbfgs_trajectory.py}, float64).
 */
class LbfgsTest {
    private static final double[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {0.5, 0.25}};
    private static final double[] Y = {0, 1, 1, 0, 0.6};

    private static Scalar rosenbrock(Parameter xy) {
        Tensor p = xy.on(new Tape());
        Scalar x = p.get(0);
        Scalar y = p.get(1);
        Scalar a = x.neg().add(1);
        Scalar b = y.sub(x.mul(x));
        return a.mul(a).add(b.mul(b).mul(100));
    }

    @Test
    void rosenbrockConvergesWithStrongWolfe() {
        Parameter xy = new Parameter("xy", Shape.of(2), -1.5, 2.0);
        Lbfgs lbfgs = Lbfgs.builder(List.of(xy)).lineSearch(Lbfgs.LineSearch.STRONG_WOLFE).maxIter(200)
                .toleranceGrad(1e-10).toleranceChange(1e-14).build();
        for (int i = 0; i < 3; i++) {
            lbfgs.step(() -> rosenbrock(xy));
        }
        assertArrayEquals(new double[] {1, 1}, xy.values(), 1e-6);
        assertTrue(rosenbrock(xy).value() < 1e-12, "f = " + rosenbrock(xy).value());
    }

    @Test
    void rosenbrockWithAnAnalyticGradientClosure() {
        Parameter xy = new Parameter("xy", Shape.of(2), -1.2, 1.0);
        Lbfgs lbfgs = Lbfgs.builder(List.of(xy)).lineSearch(Lbfgs.LineSearch.STRONG_WOLFE).maxIter(200)
                .toleranceGrad(1e-10).toleranceChange(1e-14).build();
        lbfgs.step((double[] g) -> {
            double x = xy.get(0);
            double y = xy.get(1);
            g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
            g[1] = 200 * (y - x * x);
            return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
        });
        assertArrayEquals(new double[] {1, 1}, xy.values(), 1e-6);
        assertTrue(lbfgs.evaluations() < 100, "evaluations " + lbfgs.evaluations());
    }

    private static Sequential net() {
        Sequential net = Mlp.builder(2, 3, 1).hidden(Tanh::new).linearOutput().build(new SplittableRandom(1));
        List<Parameter> ps = net.parameters();
        ps.get(0).copyFrom(0.5, -0.4, 0.3, 0.8, -0.7, 0.2);
        ps.get(1).copyFrom(0.1, -0.2, 0.05);
        ps.get(2).copyFrom(0.6, -0.5, 0.4);
        ps.get(3).copyFrom(0.0);
        return net;
    }

    private static Scalar mse(Sequential net) {
        Tape tape = new Tape();
        double[] flat = new double[X.length * 2];
        for (int i = 0; i < X.length; i++) {
            flat[2 * i] = X[i][0];
            flat[2 * i + 1] = X[i][1];
        }
        Tensor out = net.forward(tape.constant(Shape.of(X.length, 2), flat));
        return Loss.mse(out, tape.constant(Shape.of(X.length, 1), Y));
    }

    private static double[] flat(Sequential net) {
        return net.parameters().stream().flatMapToDouble(p -> java.util.Arrays.stream(p.values())).toArray();
    }

    private static void assertClose(double[] expected, double[] actual, double rel) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            double tol = rel * Math.max(1, Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], tol, "element " + i);
        }
    }

    @Test
    void strongWolfeTrajectoryMatchesPyTorch() {
        // torch.optim.LBFGS(line_search_fn="strong_wolfe", max_iter=10, history_size=5): n_iter 27, func_evals 35
        double[] losses = {0.6628637972056904, 0.13248893552381977, 0.01008409180156638};
        double[] params = {2.0621820682179677, 1.322016684912585, -0.5877432202680188, 1.2112014120024979,
            -1.5261908708840886, 1.182453021793861, 0.16191330548614066, -0.26323773448362786, -0.4820815504021361,
            1.3212961735684283, -1.344133469972204, 1.2860281831725613, 0.018387871055707532};
        Sequential net = net();
        Lbfgs lbfgs = Lbfgs.builder(net.parameters()).lineSearch(Lbfgs.LineSearch.STRONG_WOLFE).maxIter(10)
                .historySize(5).build();
        double[] got = new double[3];
        for (int i = 0; i < 3; i++) {
            got[i] = lbfgs.step(() -> mse(net));
        }
        assertClose(losses, got, 1e-9);
        assertClose(params, flat(net), 1e-7);
        assertEquals(27, lbfgs.iterations());
        assertEquals(35, lbfgs.evaluations());
    }

    @Test
    void fixedStepTrajectoryMatchesPyTorch() {
        // torch.optim.LBFGS(lr=0.1, max_iter=6): n_iter 18, func_evals 18
        double[] losses = {0.6628637972056904, 0.34356688135501273, 0.2409735518056147};
        double[] params = {0.5308479274532569, -0.05542468353360836, 0.2059497447191322, 0.6592903375820833,
            -0.6424676544042568, 0.3256415336222937, 0.24511850881692562, -0.29008070896787375, 0.10006048659403975,
            0.8127726176191417, -0.4055149318845508, 0.5309350164240695, 0.20575930317385493};
        Sequential net = net();
        Lbfgs lbfgs = Lbfgs.builder(net.parameters()).learningRate(0.1).maxIter(6).build();
        double[] got = new double[3];
        for (int i = 0; i < 3; i++) {
            got[i] = lbfgs.step(() -> mse(net));
        }
        assertClose(losses, got, 1e-10);
        assertClose(params, flat(net), 1e-9);
        assertEquals(18, lbfgs.iterations());
        assertEquals(18, lbfgs.evaluations());
    }

    @Test
    void stopsAtOnceWhenTheGradientIsBelowTolerance() {
        Parameter p = new Parameter("p", Shape.of(2), 0.0, 0.0);
        Lbfgs lbfgs = Lbfgs.builder(List.of(p)).build();
        double loss = lbfgs.step(() -> {
            Tensor t = p.on(new Tape());
            return t.mul(t).sum();
        });
        assertEquals(0.0, loss);
        assertEquals(0, lbfgs.iterations());
        assertEquals(1, lbfgs.evaluations());
    }

    @Test
    void badSettingsAreNamed() {
        List<Parameter> ps = List.of(new Parameter("p", Shape.of(1), 1.0));
        assertEquals("Lbfgs: learning rate must be finite and > 0, got -1.0", assertThrows(
                IllegalArgumentException.class, () -> Lbfgs.builder(ps).learningRate(-1).build()).getMessage());
        assertEquals("Lbfgs: max iterations must be at least 1, got 0", assertThrows(
                IllegalArgumentException.class, () -> Lbfgs.builder(ps).maxIter(0).build()).getMessage());
        assertEquals("Lbfgs: history size must be at least 1, got 0", assertThrows(
                IllegalArgumentException.class, () -> Lbfgs.builder(ps).historySize(0).build()).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Lbfgs.builder(ps).toleranceGrad(Double.NaN).build()).getMessage().contains("gradient tolerance"));
        assertEquals("Lbfgs: max evaluations must be at least 1, got 0", assertThrows(
                IllegalArgumentException.class, () -> Lbfgs.builder(ps).maxEval(0).build()).getMessage());
        assertTrue(assertThrows(NullPointerException.class,
                () -> Lbfgs.builder(ps).build().step((Lbfgs.Closure) () -> null)).getMessage().contains("null"));
    }
}
