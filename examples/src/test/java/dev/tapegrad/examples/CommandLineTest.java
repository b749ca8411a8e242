package dev.tapegrad.examples;

import java.nio.file.Path;
import java.nio.file.Files;
import java.io.IOException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The program's surface: help for every command, the version, and the command list. */
class CommandLineTest {
    private static final List<String> TRAINING_OPTIONS =
            List.of("--plot", "--plot-size", "--graph", "--progress", "--stop-early", "--help", "--version");
    private static final Map<String, List<String>> OWN_OPTIONS = Map.of(
            "xor", List.of("--seed", "--lr", "--epochs", "--hidden", "--loss"),
            "parity", List.of("--seed", "--lr", "--epochs", "--hidden", "--loss"),
            "bits-parity", List.of("--bits", "--seed", "--lr", "--epochs", "--hidden", "--loss", "--batch", "--optimizer", "--activation"),
            "check-backprop", List.of("--seed", "--sample", "--help", "--version"));

    @ParameterizedTest
    @ValueSource(strings = {"xor", "parity", "bits-parity", "check-backprop"})
    void helpListsEveryOption(String command) {
        Run r = Run.of(command, "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("\nUsage: tapegrad-examples " + command + " [OPTIONS]\n"), r.out());
        List<String> expected = new java.util.ArrayList<>(OWN_OPTIONS.get(command));
        if (!command.equals("check-backprop")) {
            expected.addAll(TRAINING_OPTIONS);
        }
        for (String option : expected) {
            assertTrue(r.out().matches("(?s).*\\s" + option + "[\\s=,].*"), command + " --help misses " + option + ":\n" + r.out());
        }
        // And nothing the command accepts is missing from that list.
        var spec = Main.commandLine().getSubcommands().get(command).getCommandSpec();
        for (var option : spec.options()) {
            assertTrue(expected.contains(option.longestName()), "untested option " + option.longestName());
        }
        assertEquals("", r.err());
    }

    @Test
    void withoutArgumentsListsTheCommands() {
        Run r = Run.of();
        assertEquals(0, r.exitCode());
        for (String command : OWN_OPTIONS.keySet()) {
            assertTrue(r.out().contains("  " + command + " "), command + " missing from:\n" + r.out());
        }
        assertTrue(r.out().contains("  bench "), "the performance helper's bench command is registered:\n" + r.out());
        assertTrue(r.out().contains("Exit codes:"), r.out());
    }

    @Test
    void versionNamesTheProgramAndItsVersion() {
        Run r = Run.of("--version");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("tapegrad-examples 0."), r.out());
        assertFalse(r.out().contains("${"), "the version was not filled in by the build: " + r.out());
    }

    @Test
    void graphWritesOneStepOfTheTrainedNetworkAsDot(@TempDir Path dir) throws IOException {
        Path dot = dir.resolve("step.dot");
        Run r = Run.of("xor", "--graph", dot.toString(), "--epochs", "5");
        assertEquals(1, r.exitCode());
        String text = Files.readString(dot);
        assertTrue(text.startsWith("digraph"), text);
        // inputs, targets, two weights, two biases, two layers (each a linear and its sigmoid, one op) and the loss
        assertEquals(9, text.lines().filter(l -> l.matches("\\s*n\\d+ \\[label=.*")).count(), text);
        assertTrue(text.contains("0.weight") && text.contains("linearSigmoid") && text.contains("mse"), text);
        assertTrue(r.out().contains("graph written to"), r.out());
    }

    @Test
    void aMissedTargetIsDiagnosedInPlainWords() {
        Run r = Run.of("xor", "--epochs", "20", "--lr", "0.001");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().contains("Diagnosis"), r.out());
        assertTrue(r.out().contains("learning rate") && r.out().contains("too small"), r.out());
    }

    @Test
    void aLearningRateOfOneHundredIsNamedAsTooLargeNotTooSmall() {
        Run r = Run.of("xor", "--lr", "100");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().contains("The learning rate (100.0) looks too large"), r.out());
        assertFalse(r.out().contains("too small"), r.out());
        assertFalse(r.out().contains("a larger learning rate"), r.out());
    }

    @Test
    void hugeWeightsDoNotMakeTheDiagnosisBlameACorrectOp() {
        Run r = Run.of("xor", "--lr", "1e308", "--epochs", "5");
        assertEquals(1, r.exitCode(), r.err());
        assertFalse(r.out().contains("[ERROR]"), r.out());
        assertFalse(r.out().contains("looks too small"), r.out());
    }

    @Test
    void onlyTheOneOneOneNetworkIsLabelledAsItAndAnEmptyHiddenListIsRefused() {
        assertEquals(2, Run.of("parity", "--hidden", ",").exitCode());
        Run deep = Run.of("parity", "--hidden", "1,1,1", "--epochs", "50");
        assertFalse(deep.out().contains("classic 1-1-1"), deep.out());
        assertFalse(deep.out().contains("sigmoid(w2 * sigmoid(w1"), deep.out());
        assertTrue(deep.out().contains("a chain of one-unit layers, is monotone in x"), deep.out());
        assertTrue(Run.of("parity", "--hidden", "1", "--epochs", "50").out().contains("classic 1-1-1"));
    }

    @Test
    void extremeLearningRatesPrintCompactly() {
        Run r = Run.of("xor", "--lr", "1e308", "--epochs", "1");
        assertTrue(r.out().contains("learning rate 1.0e308,"), r.out());
    }

    @Test
    void aGraphPathThatCannotBeWrittenIsRejectedBeforeTraining() {
        Run r = Run.of("xor", "--graph", "/no/such/folder/step.dot");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("--graph"), r.err());
    }
}
