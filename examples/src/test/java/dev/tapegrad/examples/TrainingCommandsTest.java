package dev.tapegrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each training command reaches its documented accuracy with its defaults, and says so. */
class TrainingCommandsTest {
    private static final Pattern ROW = Pattern.compile(
            "^\\s+(.+?)\\s+([01])\\s+(\\d\\.\\d{4})\\s+([01])(\\s+<- wrong)?$");

    @Test
    void xorReachesFullAccuracyWithItsDefaults() {
        Run r = Run.of("xor");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals("accuracy      8/8 (100%), target 100%", r.line("accuracy"));
        assertTrue(r.line("reached 100%").matches("reached 100%\\s+at epoch \\d+"), r.out());
        assertTrue(r.line("wall time").matches("wall time\\s+\\d+\\.\\d\\d s \\(1000 epochs, 8000 steps\\)"), r.out());
        // The table: one row per input in order 000..111, target from the seed, prediction from the output.
        List<String[]> rows = rows(r.out());
        int[] seedTargets = {1, 1, 1, 0, 1, 0, 1, 1};
        assertEquals(8, rows.size(), r.out());
        for (int i = 0; i < 8; i++) {
            String bits = ((i >> 2) & 1) + " " + ((i >> 1) & 1) + " " + (i & 1);
            assertEquals(bits, rows.get(i)[0]);
            assertEquals(Integer.toString(seedTargets[i]), rows.get(i)[1]);
            double output = Double.parseDouble(rows.get(i)[2]);
            assertEquals(output >= 0.5 ? "1" : "0", rows.get(i)[3]);
            assertEquals(rows.get(i)[1], rows.get(i)[3], "row " + bits);
        }
        assertEquals("", r.err());
    }

    @Test
    void xorWithTooFewEpochsMissesAndExitsOne() {
        Run r = Run.of("xor", "--epochs", "2");
        assertEquals(1, r.exitCode(), r.out());
        assertTrue(r.line("reached 100%").contains("never"), r.out());
        assertTrue(r.out().contains("Missed the target in 2 epochs"), r.out());
        assertTrue(r.out().contains("<- wrong"), r.out());
    }

    @Test
    void xorWithATinyLearningRateSaysTheOutputIsTheSameForEveryInputAndWhy() {
        Run r = Run.of("xor", "--epochs", "20", "--lr", "0.001");
        assertEquals(1, r.exitCode(), r.out());
        String text = r.out().replaceAll("\\s+", " ");
        assertTrue(text.contains("nearly the same output for every input: from 0.518 to 0.543"), r.out());
        assertTrue(text.contains("Cause: the learning rate (0.001000) is too small"), r.out());
        assertEquals(1, text.split("nearly the same output", -1).length - 1, "printed once: " + r.out());
    }

    @Test
    void xorLearnsWithCrossEntropyToo() {
        Run r = Run.of("xor", "--loss", "bce", "--lr", "1");
        assertEquals(0, r.exitCode(), r.out());
        assertTrue(r.out().contains("BCE loss"), r.out());
    }

    @Test
    void parityReachesFullAccuracyWithItsDefaults() {
        Run r = Run.of("parity");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("network   1-16-16-1"), r.out());
        assertEquals("accuracy      9/9 (100%), target 100%", r.line("accuracy"));
        List<String[]> rows = rows(r.out());
        assertEquals(9, rows.size(), r.out());
        for (int n = 1; n <= 9; n++) {
            assertTrue(rows.get(n - 1)[0].startsWith(n + "/9"), rows.get(n - 1)[0]);
            assertEquals(n % 2 == 0 ? "1" : "0", rows.get(n - 1)[3], "prediction for " + n);
        }
    }

    @Test
    void parityWithOneHiddenUnitStopsAtFiveNinthsAndExplainsWhy() {
        Run r = Run.of("parity", "--hidden", "1");
        assertEquals(1, r.exitCode(), r.out());
        assertTrue(r.out().contains("network   1-1-1"), r.out());
        assertEquals("accuracy      5/9 (55.6%), target 100%", r.line("accuracy"));
        assertTrue(r.out().contains("Why this network stops at 5/9"), r.out());
        assertTrue(r.out().contains("is monotone in x"), r.out());
        assertTrue(r.out().contains("targets alternate 0,1,0,1,0,1,0,1,0"), r.out());
        assertTrue(r.out().contains("No such split gets more than 5 of 9 right"), r.out());
        // The explanation replaces the generic advice, which would wrongly suggest more epochs.
        assertTrue(!r.out().contains("Try more epochs"), r.out());
    }

    @Test
    void bitsParityReachesFullAccuracyWithPlainSgdUpToSixBits() {
        for (String bits : List.of("2", "4")) {
            Run r = Run.of("bits-parity", "--bits", bits);
            int n = 1 << Integer.parseInt(bits);
            assertEquals(0, r.exitCode(), r.out());
            assertTrue(r.out().contains("full-batch SGD"), r.out());
            assertEquals("accuracy      " + n + "/" + n + " (100%), target 100%", r.line("accuracy"));
        }
    }

    /** Every documented size, 2 to 10 bits, reaches 100% with its default recipe and seed. */
    @ParameterizedTest
    @ValueSource(ints = {3, 5, 6, 8, 9, 10})
    void bitsParityReachesFullAccuracyAtEverySize(int bits) {
        Run r = Run.of("bits-parity", "--bits", Integer.toString(bits), "--stop-early");
        int n = 1 << bits;
        assertEquals(0, r.exitCode(), r.out());
        assertEquals("accuracy      " + n + "/" + n + " (100%), target 100%", r.line("accuracy"));
    }

    @Test
    void bitsParityReachesFullAccuracyWithAdamAboveSixBits() {
        Run r = Run.of("bits-parity", "--bits", "7");
        assertEquals(0, r.exitCode(), r.out());
        assertTrue(r.out().contains("network   7-64-1, tanh hidden layer, sigmoid output"), r.out());
        assertTrue(r.out().contains("full-batch Adam, learning rate 0.02"), r.out());
        assertEquals("accuracy      128/128 (100%), target 100%", r.line("accuracy"));
        assertTrue(r.out().contains("... and 112 more rows, all predicted right"), r.out());
    }

    @Test
    void choosingTheOptimizerAlsoChoosesItsLearningRate() {
        assertTrue(Run.of("bits-parity", "--bits", "3", "--optimizer", "adam", "--epochs", "1").out()
                .contains("full-batch Adam, learning rate 0.02,"));
        assertTrue(Run.of("bits-parity", "--bits", "8", "--optimizer", "sgd", "--epochs", "1").out()
                .contains("full-batch SGD, learning rate 5,"));
        assertTrue(Run.of("bits-parity", "--bits", "8", "--optimizer", "sgd", "--lr", "0.7", "--epochs", "1").out()
                .contains("full-batch SGD, learning rate 0.7,"));
    }

    @Test
    void bitsParityTargetsAreTheParityOfTheInputBits() {
        Run r = Run.of("bits-parity", "--bits", "3", "--epochs", "1");
        for (String[] row : rows(r.out())) {
            int ones = row[0].replace(" ", "").replace("0", "").length();
            assertEquals(Integer.toString(ones % 2), row[1], "input " + row[0]);
        }
        assertEquals(8, rows(r.out()).size());
    }

    @Test
    void aLongTableShowsItsHeadAndOnlyTheWrongRows() {
        Run r = Run.of("bits-parity", "--bits", "6", "--epochs", "1");
        assertEquals(1, r.exitCode());
        List<String[]> rows = rows(r.out());
        int right = Integer.parseInt(r.line("accuracy").replaceAll("accuracy\\s+(\\d+)/64.*", "$1"));
        long wrongInHead = rows.stream().limit(16).filter(row -> !row[1].equals(row[3])).count();
        long wrongLater = 64 - right - wrongInHead;
        assertTrue(wrongLater > 16, "this run should have more wrong rows than are listed: " + r.out());
        assertTrue(r.out().contains("... and 48 more rows, " + wrongLater + " of them wrong:"), r.out());
        assertEquals(16 + 16, rows.size(), r.out());
        assertTrue(rows.stream().skip(16).allMatch(row -> !row[1].equals(row[3])), "only wrong rows after the head");
        assertTrue(r.out().contains("... and " + (wrongLater - 16) + " more wrong"), r.out());
    }

    @Test
    void aLongTableThatIsAllRightSaysSo() {
        Run r = Run.of("bits-parity", "--bits", "6");
        assertEquals(0, r.exitCode(), r.out());
        assertTrue(r.out().contains("... and 48 more rows, all predicted right"), r.out());
        assertEquals(16, rows(r.out()).size());
    }

    @Test
    void progressLinesGoToTheErrorStreamAtEachTenth() {
        Run r = Run.of("xor", "--progress", "lines", "--epochs", "50");
        List<String> lines = r.err().lines().toList();
        assertEquals(10, lines.size(), r.err());
        assertTrue(lines.get(0).strip().startsWith("epoch  5/50  loss"), lines.get(0));
        assertTrue(lines.get(9).strip().startsWith("epoch 50/50  loss"), lines.get(9));
        assertTrue(!r.out().contains("epoch  5/50"), "progress must not mix into standard output");
    }

    @Test
    void progressBarRedrawsOneLine() {
        Run r = Run.of("xor", "--progress", "bar", "--epochs", "20");
        assertTrue(r.err().startsWith("\r  training ["), r.err());
        assertTrue(r.err().contains("epoch 20/20"), r.err());
        assertEquals(1, r.err().chars().filter(c -> c == '\n').count(), "one line break, at the end: " + r.err());
        assertTrue(r.err().endsWith("\n"), r.err());
    }

    @Test
    void stopEarlyStopsAtTheFirstEpochAtTarget() {
        Run r = Run.of("xor", "--stop-early");
        assertEquals(0, r.exitCode());
        String epoch = r.line("reached 100%").replaceAll(".*at epoch ", "");
        assertTrue(r.line("wall time").contains("(" + epoch + " epochs, " + 8 * Integer.parseInt(epoch) + " steps)"),
                r.out());
    }

    @Test
    void theSameSeedPrintsTheSameNumbersAndAnotherSeedOthers() {
        String first = withoutWallTime(Run.of("xor", "--epochs", "300").out());
        String again = withoutWallTime(Run.of("xor", "--epochs", "300").out());
        String other = withoutWallTime(Run.of("xor", "--epochs", "300", "--seed", "2").out());
        assertEquals(first, again);
        assertTrue(!first.equals(other.replace("seed 2", "seed 1")), "seed 2 trained exactly like seed 1");
    }

    private static String withoutWallTime(String out) {
        return out.replaceAll("wall time .*", "");
    }

    /** The prediction table's rows: input label, target, output, prediction. */
    static List<String[]> rows(String out) {
        return out.lines().map(ROW::matcher).filter(Matcher::matches)
                .map(m -> new String[] {m.group(1), m.group(2), m.group(3), m.group(4)}).toList();
    }
}
