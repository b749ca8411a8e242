package dev.tapegrad.nn;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Op;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * Registered means checked: every op defined in {@code nn} has a property in {@link LossProperties}
 * named after the op, so a new fused op without a finite-difference test fails the build.
 */
class OpCoverageTest {
    @Test
    void everyNnOpHasAGradientProperty() throws Exception {
        Path src = Path.of("src/main/java/dev/tapegrad/nn");
        List<Class<?>> ops;
        try (Stream<Path> files = Files.list(src)) {
            ops = files.map(f -> f.getFileName().toString().replace(".java", ""))
                    .filter(n -> !n.equals("package-info")).<Class<?>>map(OpCoverageTest::load)
                    .filter(c -> Op.class.isAssignableFrom(c) && !c.isInterface()).toList();
        }
        assertFalse(ops.isEmpty(), "found the nn ops under " + src.toAbsolutePath());
        List<String> properties = Arrays.stream(LossProperties.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Property.class)).map(m -> m.getName()).toList();
        for (Class<?> c : ops) {
            String simpleName = c.getSimpleName();
            Field instance = c.getDeclaredField("INSTANCE");
            instance.setAccessible(true);
            String opName = ((Op) instance.get(null)).name();
            assertTrue(properties.contains(opName),
                    () -> simpleName + " (op '" + opName + "') has no @Property named " + opName + " in LossProperties");
        }
    }

    private static Class<?> load(String simpleName) {
        try {
            return Class.forName("dev.tapegrad.nn." + simpleName);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
