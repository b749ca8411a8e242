package dev.tapegrad.examples.train;

import dev.tapegrad.examples.cli.Checks;
import dev.tapegrad.nn.Loss;
import dev.tapegrad.nn.LossFunction;
import java.util.List;
import java.util.Locale;

/** The losses a training command offers on a sigmoid output, by the name given to {@code --loss}. */
public final class Losses {
    /** The accepted names, as listed in the help. */
    public static final List<String> NAMES = List.of("mse", "bce");

    private Losses() {}

    /** The loss named {@code name} (case-insensitive); a {@code UsageError} listing the choices otherwise. */
    public static LossFunction byName(String name) {
        return switch (Checks.oneOf("--loss", name, NAMES)) {
            case "mse" -> Loss::mse;
            case "bce" -> Loss::bce;
            default -> throw new AssertionError(name);
        };
    }

    /** The display name: {@code MSE} or {@code BCE}. */
    public static String displayName(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
