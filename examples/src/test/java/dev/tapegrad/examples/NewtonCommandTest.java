package dev.tapegrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The newton command reaches 100% and reports its iterations beside SGD's epochs from the same start. */
class NewtonCommandTest {
    private static final Pattern ITERATION = Pattern.compile(
            "^\\s+(\\d+)\\s+(\\d\\.\\d{6})\\s+(\\d)/8\\s+\\S+\\s+(\\d+)\\s+\\S+\\s+(taken|rejected)$");
    private static final Pattern NEWTON = Pattern.compile(
            "newton\\s+reached 100% at iteration (\\d+) \\((\\d+) Hessian-vector products, \\d+\\.\\d\\d s\\)");
    private static final Pattern SGD = Pattern.compile("sgd\\s+reached 100% at epoch (\\d+) \\((\\d+) steps, .*");

    @Test
    void reachesFullAccuracyAndPrintsItsIterationCount() {
        Run r = Run.of("newton");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals("", r.err());
        Matcher m = NEWTON.matcher(r.line("newton    reached"));
        assertTrue(m.matches(), r.out());
        int reached = Integer.parseInt(m.group(1));
        List<Matcher> rows = r.out().lines().map(ITERATION::matcher).filter(Matcher::matches).toList();
        assertEquals(reached, rows.size(), r.out());
        int products = 0;
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i < rows.size(); i++) {
            Matcher row = rows.get(i);
            assertEquals(i + 1, Integer.parseInt(row.group(1)));
            double loss = Double.parseDouble(row.group(2));
            assertTrue(loss <= previous, "the loss never rises: " + r.out());
            previous = loss;
            products += Integer.parseInt(row.group(4));
            assertEquals(i + 1 == reached, "8".equals(row.group(3)), "only the last iteration is at 8/8: " + r.out());
        }
        assertEquals(products, Integer.parseInt(m.group(2)), r.out());
        assertEquals("accuracy  8/8 (100%), final loss " + rows.get(rows.size() - 1).group(2) + " (MSE)",
                r.line("accuracy"));
        assertTrue(reached < 50, "Newton needs far fewer iterations than SGD needs epochs: " + r.out());
    }

    @Test
    void theSgdBaselineStartsFromTheWeightsTheXorCommandUses() {
        Run newton = Run.of("newton");
        Run xor = Run.of("xor");
        Matcher sgd = SGD.matcher(newton.line("sgd"));
        assertTrue(sgd.matches(), newton.out());
        Matcher epoch = Pattern.compile("reached 100%\\s+at epoch (\\d+)").matcher(xor.line("reached 100%"));
        assertTrue(epoch.matches(), xor.out());
        assertEquals(epoch.group(1), sgd.group(1));
        assertEquals(8 * Integer.parseInt(sgd.group(1)), Integer.parseInt(sgd.group(2)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "3", "7", "10"})
    void otherSeedsReachFullAccuracyToo(String seed) {
        Run r = Run.of("newton", "--seed", seed);
        assertEquals(0, r.exitCode(), r.out());
        Matcher m = NEWTON.matcher(r.line("newton    reached"));
        assertTrue(m.matches(), r.out());
        assertTrue(Integer.parseInt(m.group(1)) < 50, r.out());
    }

    @Test
    void tooFewIterationsMissAndExitOne() {
        Run r = Run.of("newton", "--iterations", "2");
        assertEquals(1, r.exitCode(), r.out());
        assertTrue(r.line("newton    did not").startsWith("newton    did not reach 100% in 2 iterations"), r.out());
        assertTrue(r.out().contains("<- wrong"), r.out());
    }

    @Test
    void badOptionsAreOneLineAndExitTwo() {
        for (String[] args : List.of(new String[] {"newton", "--damping", "0"},
                new String[] {"newton", "--cg-steps", "0"}, new String[] {"newton", "--iterations", "-1"})) {
            Run r = Run.of(args);
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().contains(args[1]), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertEquals("", r.out());
        }
    }
}
