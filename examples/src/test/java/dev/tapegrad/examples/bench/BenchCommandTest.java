package dev.tapegrad.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The quick bench's output format, which scripts parse: one {@code NAME MEDIAN UNIT} line per figure.
 * Only the format and the names are checked here, never a speed.
 */
class BenchCommandTest {
    @Test
    void printsOneNameMedianUnitLinePerFigure() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        int code = new CommandLine(new BenchCommand(out)).execute("--only", "seed-step,scalar-chain", "--scale", "0.01");
        assertEquals(0, code);
        List<String> lines = Arrays.asList(buf.toString(StandardCharsets.UTF_8).split("\\R"));
        assertEquals(List.of("seed-step", "seed-step-raw", "seed-step-alloc", "scalar-chain", "scalar-chain-alloc"),
                lines.stream().map(l -> l.split(" ")[0]).collect(Collectors.toList()));
        for (String line : lines) {
            assertTrue(line.matches("[a-z0-9-]+ [0-9.]+(e[+-]?[0-9]+)? (us|ns|bytes|ms|GFLOP/s)"), line);
            assertTrue(Double.parseDouble(line.split(" ")[1]) > 0, line);
        }
    }

    @Test
    void aBadClockIsRefused() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cl = new CommandLine(new BenchCommand(new PrintStream(new ByteArrayOutputStream())));
        cl.setErr(new java.io.PrintWriter(err, true));
        int code = cl.execute("--clock", "sundial", "--only", "none");
        assertTrue(code != 0, "exit code " + code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--clock"), err.toString(StandardCharsets.UTF_8));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "--only,foo        | unknown workload 'foo'",
        "--scale,0         | --scale must be a positive number",
        "--scale,-1        | --scale must be a positive number"})
    void badOptionsAreRefusedBeforeAnythingRuns(String args, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cl = new CommandLine(new BenchCommand(new PrintStream(out)));
        cl.setErr(new java.io.PrintWriter(err, true));
        int code = cl.execute(args.strip().split(","));
        assertTrue(code != 0, "exit code " + code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(message), err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }
}
