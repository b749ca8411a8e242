package dev.tapegrad.autograd.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.debug.GraphExport;
import dev.tapegrad.autograd.Leaf;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GraphExportTest {
    private static final Pattern NODE = Pattern.compile("(?m)^  n(\\d+) \\[label=\"((?:[^\"\\\\]|\\\\.)*)\"[^\\]]*\\];$");
    private static final Pattern EDGE = Pattern.compile("(?m)^  n(\\d+) -> n(\\d+)( \\[label=\"\\d+\"\\])?;$");

    private record Weight(String name, Shape shape, double[] vals) implements Leaf {
        @Override
        public double[] values() {
            return vals.clone();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Weight W = new Weight("0.weight", Shape.of(2, 1), new double[] {0.5, 0.25});

    private static Tape smallNet() {
        Tape tape = new Tape();
        Tensor x = tape.constant(Shape.of(2, 2), 1, 2, 3, 4);
        Tensor w = tape.leaf(W);
        Scalar loss = x.matmul(w).sigmoid().sub(tape.constant(Shape.of(2, 1), 1, 0)).pow(2.0).mean();
        loss.mul(3.0).backward();
        return tape;
    }

    @Test
    void oneNodePerTapeEntryAndOneEdgePerInput() {
        Tape tape = smallNet();
        String dot = GraphExport.toDot(tape);
        assertTrue(dot.startsWith("digraph tape {\n") && dot.endsWith("}\n"), dot);
        List<Integer> ids = new ArrayList<>();
        Matcher m = NODE.matcher(dot);
        while (m.find()) {
            ids.add(Integer.parseInt(m.group(1)));
        }
        assertEquals(tape.size(), ids.size(), dot);
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(i, ids.get(i));
        }
        // x, w, matmul, sigmoid, y, sub, pow, sum, div (mean), mul: 10 nodes; 2 + 1 + 2 + 1 + 1 + 1 + 1 edges.
        int edges = 0;
        Matcher e = EDGE.matcher(dot);
        while (e.find()) {
            edges++;
            assertTrue(Integer.parseInt(e.group(1)) < Integer.parseInt(e.group(2)), "edges follow the data: " + e.group());
        }
        assertEquals(9, edges, dot);
        assertTrue(dot.contains("  n0 -> n2 [label=\"0\"];"), dot);
        assertTrue(dot.contains("  n1 -> n2 [label=\"1\"];"), dot);
        assertTrue(dot.contains("  n2 -> n3;"), dot);
    }

    @Test
    void labelsCarryOpShapeValuesGradientsAndLeafNames() {
        Tape tape = new Tape();
        Scalar x = tape.scalar(3.0);
        Scalar y = x.mul(x).add(1.0);
        Gradients g = y.backward();
        String dot = GraphExport.toDot(tape, g);
        // y = x^2 + 1 at x = 3: value 10, dy/dx = 2x = 6.
        assertTrue(dot.contains("#0 leaf\\n[]\\nvalue 3.000\\ngrad 6.000"), dot);
        assertTrue(dot.contains("#2 add (with 1.000)\\n[]\\nvalue 10.00\\ngrad 1.000"), dot);
        String net = GraphExport.toDot(smallNet(), null, 8, List.of(W, new Weight("unused", Shape.of(1), new double[1])));
        assertTrue(net.contains("#1 leaf 0.weight\\n[2, 1]"), net);
        assertFalse(net.contains("unused"), net);
        assertTrue(net.contains("#2 matmul\\n[2, 1]\\nvalue [1.000, 2.500]"), net); // [[1, 2], [3, 4]] x [0.5, 0.25]
    }

    @Test
    void largeTensorsShowTheirRangeNotTheirValues() {
        Tape tape = new Tape();
        tape.arange(20).mul(2.0);
        String dot = GraphExport.toDot(tape, null, 8);
        assertTrue(dot.contains("value in [0.000, 38.00]"), dot);
        assertFalse(dot.contains("36.00"), dot);
    }

    @Test
    void nonFiniteNodesAreRed() {
        Tape tape = new Tape();
        tape.scalar(0.0).log();
        String dot = GraphExport.toDot(tape);
        assertTrue(dot.contains("-Infinity\", shape=box, color=red"), dot);
    }

    @Test
    void namesWithQuotesBackslashesAndNewlinesAreEscaped() throws Exception {
        UnaryOp odd = UnaryOp.of("we\"ird\\op\nnext", v -> v, v -> 1.0);
        Tape tape = new Tape();
        odd.apply(tape.tensor(Shape.of(2), 1, 2));
        String dot = GraphExport.toDot(tape);
        assertTrue(dot.contains("we\\\"ird\\\\op\\nnext"), dot);
        Matcher m = NODE.matcher(dot);
        int nodes = 0;
        while (m.find()) {
            nodes++;
        }
        assertEquals(tape.size(), nodes, "every label is one well-formed quoted string: " + dot);
        assertAcceptedByGraphviz(dot);
    }

    @Test
    void graphvizAcceptsTheOutput() throws Exception {
        Tape tape = smallNet();
        Tensor t = tape.tensor(Shape.of(2), 1, 2);
        Scalar s = t.get(1).mul(t.sum());
        assertAcceptedByGraphviz(GraphExport.toDot(tape, s.backward()));
    }

    private static void assertAcceptedByGraphviz(String dot) throws IOException, InterruptedException {
        assumeTrue(dotAvailable(), "Graphviz 'dot' is not installed");
        Process p = new ProcessBuilder("dot", "-Tsvg").redirectErrorStream(true).start();
        p.getOutputStream().write(dot.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "dot did not finish");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("<svg"), out);
        assertFalse(out.toLowerCase().contains("warning"), out);
    }

    private static boolean dotAvailable() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, "dot").canExecute()) {
                return true;
            }
        }
        return false;
    }
}
