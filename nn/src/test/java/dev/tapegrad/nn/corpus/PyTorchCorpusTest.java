package dev.tapegrad.nn.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
                + String.join("\n", failures.subList(0, Math.min(SHOWN, failures.size()))));
    }
}
