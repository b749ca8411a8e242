package dev.tapegrad.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which argument lists start a command without picocli, and what such a run prints. */
class DirectStartTest {
    /** Options {@code --n N}, {@code --name TEXT} and the flag {@code --fast}; fails on {@code --n 0}. */
    static final class Toy extends CommandBase {
        int n = 1;
        String name = "none";
        boolean fast;

        @Override
        protected int setOption(String option, String value) {
            switch (option) {
                case "--fast" -> {
                    fast = true;
                    return 1;
                }
                case "--n" -> {
                    if (value == null) {
                        return 0;
                    }
                    n = Integer.parseInt(value);
                }
                case "--name" -> name = value;
                default -> {
                    return 0;
                }
            }
            return 2;
        }

        @Override
        protected int run() {
            Checks.positive("--n", n);
            out().println(commandName() + " " + name() + " n=" + n + " name=" + name + " fast=" + fast);
            err().println("progress");
            return ExitCode.OK;
        }
    }

    @Test
    void simpleOptionsAndFlagsInAnyOrderAreSet() {
        Toy t = new Toy();
        assertTrue(DirectStart.setOptions(t, new String[] {"toy", "--fast", "--n", "5", "--name", "a b"}, 1));
        assertEquals(5, t.n);
        assertEquals("a b", t.name);
        assertTrue(t.fast);
    }

    @Test
    void noOptionsKeepTheInitialValues() {
        Toy t = new Toy();
        assertTrue(DirectStart.setOptions(t, new String[] {"toy"}, 1));
        assertEquals(1, t.n);
        assertEquals("none", t.name);
        assertFalse(t.fast);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--n=5", "--n 5 --n 6", "--fast --fast", "--n -5", "--name -x", "--name @args.txt", "--name", "--n",
        "--help", "-h", "--unknown 3", "positional", "--n 5 extra", "--name  --fast"
    })
    void anythingElseIsLeftToPicocli(String args) {
        String[] argv = ("toy " + args).split(" ", -1);
        assertFalse(DirectStart.setOptions(new Toy(), argv, 1), args);
        StringWriter out = new StringWriter();
        assertEquals(-1, DirectStart.run(new Toy(), "top", "toy", argv, 1, new PrintWriter(out), new PrintWriter(out)));
        assertEquals("", out.toString(), "nothing runs");
    }

    @Test
    void aRunPrintsThroughTheGivenWritersUnderTheFullName() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DirectStart.run(new Toy(), "top", "toy", new String[] {"toy", "--n", "3"}, 1,
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(ExitCode.OK, code);
        assertEquals("top toy toy n=3 name=none fast=false" + System.lineSeparator(), out.toString());
        assertEquals("progress" + System.lineSeparator(), err.toString());
    }

    @Test
    void aBadValueIsTheSameOneLineAsThroughPicocli() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DirectStart.run(new Toy(), "top", "toy", new String[] {"toy", "--n", "0"}, 1,
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(ExitCode.USAGE, code);
        assertEquals("", out.toString());
        assertEquals("top toy: --n must be a positive whole number, got 0 (see 'top toy --help')" + System.lineSeparator(),
                err.toString());
    }
}
