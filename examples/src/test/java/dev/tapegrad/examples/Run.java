package dev.tapegrad.examples;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the program in-process and captures what it printed; the tests' only way in. */
record Run(int exitCode, String out, String err) {
    /** Through {@link Main#commandLine()}, as {@code main} runs it. */
    static Run of(String... args) {
        return with(Main.commandLine(), args);
    }

    /** Through a plain {@code new CommandLine(new Main())}, without the program's error handlers. */
    static Run plain(String... args) {
        return with(new CommandLine(new Main()), args);
    }

    private static Run with(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The output line that starts (after its indent) with {@code prefix}. */
    String line(String prefix) {
        return out.lines().map(String::strip).filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in:\n" + out));
    }
}
