package dev.tapegrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.examples.cli.DirectStart;
import dev.tapegrad.examples.tasks.XorCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code xor} started without picocli reads its options as picocli does and prints what it prints. */
class DirectStartXorTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "--epochs 20 --lr 0.001",
        "--seed 7 --hidden 6 --loss bce --lr 1e0",
        "--lr NaN --epochs +5",
        "--progress lines --stop-early --plot-size 640x420",
        "--stop-early --plot curve.png --graph step.dot",
        "--loss HINGE --hidden 0"
    })
    void everyOptionGetsTheValuePicocliWouldGiveIt(String args) throws IllegalAccessException {
        String[] argv = args.isEmpty() ? new String[0] : args.split(" ");
        XorCommand direct = new XorCommand();
        assertTrue(DirectStart.setOptions(direct, argv, 0), args);
        XorCommand parsed = new XorCommand();
        new CommandLine(parsed).parseArgs(argv);
        List<Field> options = options();
        assertTrue(options.size() >= 10, "xor's own options and the training options: " + options);
        for (Field f : options) {
            assertEquals(f.get(parsed), f.get(direct), f.getName() + " after '" + args + "'");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "--version", "--epochs=5", "--epochs many", "--epochs -5", "--seed 1 --seed 2",
        "--foo", "--epoch 5", "--lr", "--plot"})
    void whatOnlyPicocliReadsIsLeftToIt(String args) {
        assertFalse(DirectStart.setOptions(new XorCommand(), args.split(" "), 0), args);
    }

    @Test
    void aMissedTargetPrintsTheSameReportAndDiagnosis() {
        String[] args = {"xor", "--epochs", "20", "--lr", "0.001"};
        Run viaPicocli = Run.of(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DirectStart.run(new XorCommand(), "tapegrad-examples", "xor", args, 1,
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(viaPicocli.exitCode(), code);
        assertEquals(1, code);
        assertTrue(out.toString().contains("Diagnosis (why the target was missed)"), out.toString());
        assertEquals(withoutWallTime(viaPicocli.out()), withoutWallTime(out.toString()));
        assertEquals(viaPicocli.err(), err.toString());
    }

    @Test
    void aBadValueIsTheSameLineAsThroughPicocli() {
        String[] args = {"xor", "--hidden", "0"};
        Run viaPicocli = Run.of(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DirectStart.run(new XorCommand(), "tapegrad-examples", "xor", args, 1,
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(2, code);
        assertEquals(viaPicocli.exitCode(), code);
        assertEquals("", out.toString());
        assertEquals(viaPicocli.err(), err.toString());
        assertTrue(err.toString().startsWith("tapegrad-examples xor: --hidden must be between 1 and 4096"), err.toString());
    }

    private static List<Field> options() {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = XorCommand.class; c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(Option.class)) {
                    f.setAccessible(true);
                    fields.add(f);
                }
            }
        }
        return fields;
    }

    private static String withoutWallTime(String out) {
        return out.replaceAll("wall time +[0-9.]+ s", "wall time _ s");
    }
}
