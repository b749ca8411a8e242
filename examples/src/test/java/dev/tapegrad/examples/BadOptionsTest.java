package dev.tapegrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bad option is one line on the error stream naming the option, exit code 2, nothing on standard
 * output (nothing was trained), and never a stack trace, whichever way the command line was built.
 */
class BadOptionsTest {
    @TempDir
    static Path dir;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "xor --epochs -5                      | --epochs must be a positive whole number, got -5",
        "xor --epochs 0                       | --epochs must be a positive whole number, got 0",
        "parity --epochs -1                   | --epochs must be a positive whole number, got -1",
        "xor --loss hinge                     | unknown --loss 'hinge': choose one of mse, bce",
        "parity --loss l1                     | unknown --loss 'l1': choose one of mse, bce",
        "bits-parity --bits 0                 | --bits must be between 2 and 10, got 0",
        "bits-parity --bits 40                | --bits must be between 2 and 10, got 40",
        "bits-parity --bits 1                 | --bits must be between 2 and 10, got 1",
        "bits-parity --optimizer rmsprop      | unknown --optimizer 'rmsprop': choose one of sgd, adam",
        "bits-parity --bits 3 --batch 9       | --batch must be between 0 and 8, got 9",
        "bits-parity --batch -1               | --batch must be between 0 and 16, got -1",
        "xor --lr 0                           | --lr must be a number greater than 0, got 0",
        "xor --lr NaN                         | --lr must be a number greater than 0, got NaN",
        "xor --hidden 0                       | --hidden must be between 1 and 4096, got 0",
        "parity --hidden 16,0                 | --hidden width must be between 1 and 4096, got 0",
        "xor --progress loud                  | unknown --progress 'loud': choose one of auto, bar, lines, off",
        "xor --plot-size big                  | --plot-size must look like 800x600",
        "xor --plot-size 10x10                | --plot-size width must be between 200 and 5000, got 10",
        "xor --plot-size 800x90000            | --plot-size height must be between 200 and 5000, got 90000",
        "xor --plot NOWHERE/missing/curve.png | cannot write there, folder",
        "xor --plot FILE/curve.png            | cannot write there, folder",
        "xor --plot DIR/curve.txt             | the file name must end in .png",
        "check-backprop --sample 10           | --sample must be between 1 and 9, got 10",
    })
    void isRejectedWithOneLine(String args, String expected) throws Exception {
        Files.writeString(dir.resolve("file"), "a regular file, so no folder can be under it");
        String[] argv = args.replace("NOWHERE", dir.resolve("nowhere").toString())
                .replace("FILE", dir.resolve("file").toString())
                .replace("DIR", dir.toString()).split(" ");
        for (Run r : new Run[] {Run.of(argv), Run.plain(argv)}) {
            assertEquals(2, r.exitCode(), r.err());
            assertEquals("", r.out(), "nothing may run before the options are checked");
            assertEquals(1, r.err().lines().count(), "one line, got:\n" + r.err());
            String command = argv[0];
            assertTrue(r.err().startsWith("tapegrad-examples " + command + ": "), r.err());
            assertTrue(r.err().contains(expected), r.err());
            assertTrue(r.err().strip().endsWith("(see 'tapegrad-examples " + command + " --help')"), r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "xor --foo           | Unknown option: '--foo'",
        "xor --epochs many   | Invalid value for option '--epochs': 'many' is not an int",
        "bits-parity --bits  | Missing required parameter for option '--bits'",
        "frobnicate          | Unmatched argument at index 0: 'frobnicate'",
        "xorr                | 'xorr'; did you mean xor?",
        "xor --epoch 5       | did you mean --epochs?",
    })
    void picocliErrorsAreOneLineToo(String args, String expected) {
        Run r = Run.of(args.split(" "));
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), "one line, got:\n" + r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals("", r.out());
    }
}
