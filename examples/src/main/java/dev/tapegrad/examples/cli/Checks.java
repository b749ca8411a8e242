package dev.tapegrad.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Option checks shared by the commands; each failure is a {@link UsageError} naming the option and the fix. */
public final class Checks {
    private Checks() {}

    /** Requires {@code from <= value <= to}. */
    public static int inRange(String option, int value, int from, int to) {
        if (value < from || value > to) {
            throw new UsageError(String.format(Locale.ROOT,
                    "%s must be between %d and %d, got %d", option, from, to, value));
        }
        return value;
    }

    /** Requires a positive whole number. */
    public static int positive(String option, int value) {
        if (value <= 0) {
            throw new UsageError(String.format(Locale.ROOT, "%s must be a positive whole number, got %d", option, value));
        }
        return value;
    }

    /** Requires a finite number greater than zero. */
    public static double positive(String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new UsageError(String.format(Locale.ROOT, "%s must be a number greater than 0, got %s", option, Format.plain(value)));
        }
        return value;
    }

    /** Requires one of {@code choices} (case-insensitive) and returns it in lower case. */
    public static String oneOf(String option, String value, List<String> choices) {
        String v = value.toLowerCase(Locale.ROOT);
        if (!choices.contains(v)) {
            throw new UsageError(String.format(Locale.ROOT,
                    "unknown %s '%s': choose one of %s", option, value, String.join(", ", choices)));
        }
        return v;
    }

    /**
     * Requires that {@code file} can be written: its folder exists and is writable, and the file itself,
     * if present, is a writable regular file. Checked before training so a run never ends with a lost plot.
     * Does not create or modify anything.
     */
    public static Path writableFile(String option, Path file, String extension) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(extension)) {
            throw new UsageError(String.format(Locale.ROOT, "%s %s: the file name must end in %s", option, file, extension));
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UsageError(String.format(Locale.ROOT,
                    "%s %s: cannot write there, folder %s does not exist", option, file, dir));
        }
        if (Files.isDirectory(file)) {
            throw new UsageError(String.format(Locale.ROOT, "%s %s: cannot write there, it is a folder", option, file));
        }
        boolean writable = Files.exists(file) ? Files.isWritable(file) : Files.isWritable(dir) && canCreateIn(dir);
        if (!writable) {
            throw new UsageError(String.format(Locale.ROOT, "%s %s: cannot write there, permission denied", option, file));
        }
        return file;
    }

    // Files.isWritable trusts permission bits, which root ignores and read-only mounts override; a real
    // probe file answers for all of them.
    private static boolean canCreateIn(Path dir) {
        try {
            Path probe = Files.createTempFile(dir, ".tapegrad-probe", ".tmp");
            Files.delete(probe);
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
