package dev.tapegrad.nn.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Differential test against PyTorch float64: replays every program of the stored corpus (seeded
 * random programs and the hand-written edges, written by {@code tools/pytorch/make_corpus.py}) through
 * Tapegrad and compares every node's value and every input's gradient with PyTorch's, within
 * {@link Tolerance}. A failure names each failing program by its id, with its op list and the first
 * number that differs.
 */
class PyTorchCorpusTest {
    private static final String RESOURCE = "/dev/tapegrad/nn/corpus/programs.jsonl.gz";
    private static final int SHOWN = 20;

    static List<Program> corpus() throws IOException {
        List<Program> programs = new ArrayList<>();
        try (InputStream raw = Objects.requireNonNull(PyTorchCorpusTest.class.getResourceAsStream(RESOURCE), RESOURCE);
             BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                     StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                programs.add(Program.parse(line));
            }
        }
        return programs;
    }

    @Test
    void theCorpusHasTheRandomProgramsAndTheFourDefects() throws IOException {
        List<Program> programs = corpus();
        long random = programs.stream().filter(p -> p.id().startsWith("random-")).count();
        assertTrue(random >= 500, "only " + random + " random programs");
        for (String defect : List.of("defect-logSoftmax-", "defect-relu-nan-", "defect-maxAll-signed-zero",
                "defect-div-")) {
            assertTrue(programs.stream().anyMatch(p -> p.id().startsWith(defect)), "no program " + defect + "*");
        }
    }

    @Test
    void theCorpusCoversEveryOpAndTheShapesTheGeneratorPromises() throws IOException {
        List<Program> programs = corpus();
        Map<String, Integer> uses = new TreeMap<>();
        Set<String> seen = new TreeSet<>();
        for (Program p : programs) {
            for (JsonObject op : p.ops()) {
                String name = op.get("op").getAsString();
                uses.merge(name, 1, Integer::sum);
                if (op.has("keep")) {
                    seen.add(name + " keep=" + op.get("keep").getAsBoolean());
                }
                if (name.equals("matmul")) {
                    int[] a = p.inputsShape(op.getAsJsonArray("in").get(0).getAsInt());
                    int[] b = p.inputsShape(op.getAsJsonArray("in").get(1).getAsInt());
                    if (a != null && b != null && a.length >= 3 && b.length >= 3 && a[0] != b[0]) {
                        seen.add("matmul with broadcast batch dimensions");
                    }
                }
            }
            for (Program.Input in : p.inputs()) {
                seen.add("input of rank " + in.shape().length);
                seen.add("input kind " + in.kind());
                for (int d : in.shape()) {
                    seen.add(d == 0 ? "empty dimension" : d == 1 ? "size-1 dimension" : "dimension > 1");
                }
                for (double v : in.values()) {
                    seen.add(Double.isNaN(v) ? "NaN" : Double.isInfinite(v) ? "infinity" : v == 0 && 1 / v < 0 ? "-0.0"
                            : Math.abs(v) > 1e100 ? "huge" : v != 0 && Math.abs(v) < 1e-100 ? "tiny" : "ordinary");
                }
            }
        }
        for (String op : List.of("neg", "exp", "log", "sqrt", "abs", "tanh", "sigmoid", "relu", "sin", "cos", "add",
                "sub", "mul", "div", "pow", "addc", "subc", "mulc", "divc", "powc", "matmul", "transpose", "permute",
                "reshape", "sumAll", "meanAll", "maxAll", "minAll", "sum", "mean", "max", "min", "softmax",
                "logSoftmax", "get", "slice", "concat", "stack", "asTensor", "mse", "bce", "bceWithLogits",
                "crossEntropy", "crossEntropyProbs", "linear")) {
            assertTrue(uses.getOrDefault(op, 0) >= 10, () -> op + " is used " + uses.getOrDefault(op, 0) + " times");
        }
        List<String> promised = new ArrayList<>(List.of("matmul with broadcast batch dimensions", "empty dimension",
                "size-1 dimension", "NaN", "infinity", "-0.0", "huge", "tiny", "input kind scalar",
                "input kind scalarConstant", "input kind constant", "input kind param"));
        for (int rank = 0; rank <= 4; rank++) {
            promised.add("input of rank " + rank);
        }
        for (String r : List.of("sum", "mean", "max", "min")) {
            promised.add(r + " keep=true");
            promised.add(r + " keep=false");
        }
        for (String what : promised) {
            assertTrue(seen.contains(what), () -> "no program has " + what);
        }
    }

    @Test
    void everyValueAndGradientMatchesPyTorch() throws IOException {
        List<Program> programs = corpus();
        List<String> failures = new ArrayList<>();
        for (Program p : programs) {
            String problem;
            try {
                problem = Comparison.firstDifference(p, Replay.run(p));
            } catch (RuntimeException e) {
                problem = "Tapegrad threw " + e;
            }
            if (problem != null) {
                failures.add(p.id() + ": " + problem + "\n" + p.describe());
            }
        }
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + programs.size()
                + " programs differ from PyTorch float64 (first " + Math.min(SHOWN, failures.size()) + "):\n"
                + String.join("\n", failures.subList(0, Math.min(SHOWN, failures.size())))
                + (failures.size() > SHOWN ? "\nalso failing: " + String.join(", ", failures.subList(SHOWN,
                        failures.size()).stream().map(f -> f.substring(0, f.indexOf(':'))).toList()) : ""));
    }
}
