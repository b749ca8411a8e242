package dev.tapegrad.examples;

import dev.tapegrad.examples.cli.DirectStart;
import dev.tapegrad.examples.tasks.XorCommand;

/**
 * The jar's entry point: {@link Main#main} for every command line, except {@code xor} with simple
 * options, which starts without picocli (see {@link DirectStart}). The first command people run is
 * the one whose start-up they notice, and picocli's model of the program costs more than xor's
 * training. No picocli type appears in this class's methods, so starting it loads none.
 */
public final class Launcher {
    private Launcher() {}

    /** Runs the program and exits with the command's exit code. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("xor")) {
            System.setProperty("java.awt.headless", "true");
            int code = DirectStart.run(new XorCommand(), Main.NAME, "xor", args, 1,
                    DirectStart.writer(System.out, "sun.stdout.encoding"),
                    DirectStart.writer(System.err, "sun.stderr.encoding"));
            if (code >= 0) {
                System.exit(code);
            }
        }
        Main.main(args);
    }
}
