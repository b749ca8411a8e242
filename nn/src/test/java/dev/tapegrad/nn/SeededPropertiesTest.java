package dev.tapegrad.nn;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * Tests are seeded: every jqwik property in the nn tests names a fixed seed, so two runs try the same
 * cases. Without one jqwik draws a fresh seed per run, and a failure may not come back.
 */
class SeededPropertiesTest {
    @Test
    void everyPropertyHasAFixedSeed() throws Exception {
        Path root = Path.of("src/test/java");
        List<Method> properties = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = root.relativize(f).toString().replace(".java", "").replace(f.getFileSystem().getSeparator(), ".");
                if (name.endsWith("package-info")) {
                    continue;
                }
                for (Method m : Class.forName(name).getDeclaredMethods()) {
                    if (m.isAnnotationPresent(Property.class)) {
                        properties.add(m);
                    }
                }
            }
        }
        assertFalse(properties.isEmpty(), "found the properties under " + root.toAbsolutePath());
        for (Method m : properties) {
            String seed = m.getAnnotation(Property.class).seed();
            assertFalse(seed.isEmpty(), () -> m.getDeclaringClass().getSimpleName() + "." + m.getName()
                    + " has no fixed seed: write @Property(seed = \"...\")");
            assertTrue(seed.chars().allMatch(Character::isDigit), () -> m.getName() + ": seed '" + seed + "'");
        }
    }
}
