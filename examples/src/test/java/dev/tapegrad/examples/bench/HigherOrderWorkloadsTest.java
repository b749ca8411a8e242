package dev.tapegrad.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Shape;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The second-order bench workloads compute what they claim, against central differences of the
 * first-order gradient, and the bench prints their figures. Never a speed.
 */
class HigherOrderWorkloadsTest {
    @Test
    void theWideMlpProductMatchesFiniteDifferencesOfTheGradient() {
        HvpWideMlp w = new HvpWideMlp(1);
        double[] hv = w.product().values();
        assertEquals(w.size(), hv.length);
        assertEquals(784 * 256 + 256 + 256 * 256 + 256 + 256 * 10 + 10, hv.length);
        double eps = 1e-4;
        double[] plus = w.gradientAlong(eps);
        double[] minus = w.gradientAlong(-eps);
        double scale = 0;
        for (double h : hv) {
            scale = Math.max(scale, Math.abs(h));
        }
        assertTrue(scale > 1e-3, "a product with curvature: " + scale);
        for (int i = 0; i < hv.length; i++) {
            double fd = (plus[i] - minus[i]) / (2 * eps);
            assertEquals(fd, hv[i], 1e-6 * scale, "element " + i);
        }
    }

    @Test
    void theSeedNetHessianIsSymmetricAndMatchesFiniteDifferencesOfTheGradient() {
        HessianSeedNet s = new HessianSeedNet(1);
        var h = s.hessian();
        assertEquals(Shape.of(21, 21), h.shape());
        double[] v = h.values();
        double[] batched = s.batchedHessian().values();
        double[] values = s.valuesHessian().values();
        double eps = 1e-5;
        for (int j = 0; j < 21; j++) {
            double[] plus = s.gradientWith(j, eps);
            double[] minus = s.gradientWith(j, -eps);
            for (int i = 0; i < 21; i++) {
                assertEquals((plus[i] - minus[i]) / (2 * eps), v[i * 21 + j], 1e-8, "H[" + i + "][" + j + "]");
                assertEquals(v[i * 21 + j], v[j * 21 + i], 1e-15, "symmetry at " + i + ", " + j);
                assertEquals((plus[i] - minus[i]) / (2 * eps), batched[i * 21 + j], 1e-8, "batched H[" + i + "][" + j + "]");
                assertEquals(v[i * 21 + j], values[i * 21 + j], 1e-12 * Math.max(1, Math.abs(v[i * 21 + j])),
                        "values-only H[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void theBenchPrintsBothFigures() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        int code = new CommandLine(new BenchCommand(out)).execute("--only", "hvp-wide-mlp,hessian", "--scale", "0.01");
        assertEquals(0, code);
        List<String> lines = Arrays.asList(buf.toString(StandardCharsets.UTF_8).split("\\R"));
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("hvp-wide-mlp [0-9.]+(e[+-]?[0-9]+)? ms"), lines.get(0));
        assertTrue(lines.get(1).matches("hessian-seed-net [0-9.]+(e[+-]?[0-9]+)? us"), lines.get(1));
        assertTrue(lines.get(2).matches("hessian-seed-net-graph [0-9.]+(e[+-]?[0-9]+)? us"), lines.get(2));
        assertTrue(lines.get(3).matches("hessian-seed-net-batched [0-9.]+(e[+-]?[0-9]+)? us"), lines.get(3));
    }
}
