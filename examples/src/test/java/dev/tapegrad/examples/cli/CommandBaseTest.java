package dev.tapegrad.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A failure while running is one line and exit code 3, whatever was thrown. */
class CommandBaseTest {
    @Command(name = "boom")
    static final class Boom extends CommandBase {
        private final Throwable failure;

        Boom(Throwable failure) {
            this.failure = failure;
        }

        @Override
        protected int run() throws Exception {
            if (failure instanceof Exception e) {
                throw e;
            }
            throw (Error) failure;
        }
    }

    @Test
    void anExceptionIsOneLineAndExitCodeThree() {
        String err = run(new IllegalStateException("the disk is full\nsecond line"), ExitCode.FAILURE);
        assertEquals("boom: failed: IllegalStateException: the disk is full; second line" + System.lineSeparator(), err);
    }

    @Test
    void anErrorIsOneLineToo() {
        String err = run(new NoSuchMethodError("Layer.predict"), ExitCode.FAILURE);
        assertEquals("boom: failed: NoSuchMethodError: Layer.predict" + System.lineSeparator(), err);
    }

    @Test
    void aUsageErrorIsOneLineAndExitCodeTwo() {
        String err = run(new UsageError("--epochs must be positive"), ExitCode.USAGE);
        assertEquals("boom: --epochs must be positive (see 'boom --help')" + System.lineSeparator(), err);
        assertFalse(err.contains("at "), err);
    }

    private static String run(Throwable failure, int expectedCode) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Boom(failure)).setErr(new PrintWriter(err, true));
        assertEquals(expectedCode, cl.execute());
        return err.toString();
    }
}
