package dev.tapegrad.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package layout holds: {@code kernel} is a leaf over arrays, the tools in {@code check} and
 * {@code debug} use public API only, and no source file outgrows its budget.
 */
class LayoutTest {
    private static final Path MAIN = Path.of("src/main/java/dev/tapegrad/autograd");

    @Test
    void kernelImportsNothingElseFromTapegrad() {
        assertEquals(List.of(), offending(MAIN.resolve("kernel"), "import dev.tapegrad.", "import dev.tapegrad.autograd.kernel."));
    }

    @Test
    void toolsUsePublicApiOnly() {
        for (String tool : List.of("check", "debug")) {
            assertEquals(List.of(), offending(MAIN.resolve(tool), "import dev.tapegrad.autograd.internal.", null), tool);
        }
    }

    @Test
    void noSourceFileOutgrowsItsBudget() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src"))) {
            List<String> big = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                String name = p.getFileName().toString();
                int budget = name.equals("Tensor.java") || name.equals("Scalar.java") ? 800 : 400;
                return lines(p).size() > budget;
            }).map(Path::toString).toList();
            assertEquals(List.of(), big);
        }
    }

    @Test
    void thePublicPackagesHaveAnOverview() {
        for (String pkg : List.of("", "check", "debug", "ops", "internal", "kernel")) {
            assertTrue(Files.exists(MAIN.resolve(pkg).resolve("package-info.java")), pkg);
        }
    }

    /** The files under {@code dir} with an import starting {@code bad} (and not {@code allowed}). */
    private static List<String> offending(Path dir, String bad, String allowed) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> lines(p).stream().anyMatch(l -> l.startsWith(bad)
                    && (allowed == null || !l.startsWith(allowed)))).map(Path::toString).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
