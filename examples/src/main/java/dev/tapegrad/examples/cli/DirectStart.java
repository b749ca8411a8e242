package dev.tapegrad.examples.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Starts a command without picocli when its arguments are simple enough: picocli's model of the
 * program (hundreds of classes, the annotations of every command read by reflection) costs more time
 * at start-up than a short training run. Only options the command sets itself through
 * {@link CommandBase#setOption}, each given once, with its value as a separate argument, qualify;
 * anything else ({@code --help}, {@code --epochs=5}, an unknown or repeated option, a value that looks
 * like an option, an {@code @file}) is left to picocli, so both paths read every command line the same
 * way and only picocli ever reports a parse error.
 */
public final class DirectStart {
    private DirectStart() {}

    /**
     * Sets {@code command}'s options from {@code args[from..]} and runs it as {@code parent name},
     * printing to {@code out} and {@code err}. Returns its exit code, or -1 having run nothing when
     * some argument is not for the direct path (the caller then hands all of them to picocli). The
     * command object may have been modified even then: pass a fresh one to picocli.
     */
    public static int run(CommandBase command, String parent, String name, String[] args, int from,
                          PrintWriter out, PrintWriter err) {
        return setOptions(command, args, from) ? command.callDirectly(parent, name, out, err) : -1;
    }

    /**
     * Sets {@code command}'s options from {@code args[from..]}; returns whether every argument was
     * accepted, each option once. After false the command is in no defined state.
     */
    public static boolean setOptions(CommandBase command, String[] args, int from) {
        for (int i = from; i < args.length; ) {
            String option = args[i];
            for (int j = from; j < i; j++) {
                if (args[j].equals(option)) {
                    return false; // picocli rejects a repeated option; let it say so
                }
            }
            String next = i + 1 < args.length ? args[i + 1] : null;
            String value = next != null && plain(next) ? next : null;
            int used = option.startsWith("--") && !option.contains("=") ? command.setOption(option, value) : 0;
            if (used == 0 || (used == 2 && value == null)) {
                return false;
            }
            i += used;
        }
        return true;
    }

    /**
     * A writer on {@code stream} as picocli makes one: in the charset the system property
     * {@code encodingProperty} names ({@code sun.stdout.encoding}, set for a Windows console) if it is
     * set and known, else the default charset; flushed at each line.
     */
    public static PrintWriter writer(PrintStream stream, String encodingProperty) {
        String name = System.getProperty(encodingProperty);
        Charset charset = Charset.defaultCharset();
        if (name != null) {
            try {
                charset = Charset.forName(name.equalsIgnoreCase("cp65001") ? "UTF-8" : name);
            } catch (IllegalArgumentException e) {
                // an unknown or malformed name: the default, as picocli falls back to
            }
        }
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, charset)), true);
    }

    /**
     * Whether a value reads as itself, whatever picocli's rules: not empty, not starting with {@code -}
     * (which picocli may take for an option) nor {@code @} (an argument file).
     */
    private static boolean plain(String value) {
        return !value.isEmpty() && value.charAt(0) != '-' && value.charAt(0) != '@';
    }
}
