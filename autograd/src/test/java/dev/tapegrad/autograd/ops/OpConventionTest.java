package dev.tapegrad.autograd.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.reflect.ClassPath;
import dev.tapegrad.autograd.Op;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * "Registered means checked": every public op in {@code dev.tapegrad.autograd.ops} must have a test
 * class {@code <Name>GradientTest} in this package with at least one jqwik property. Ops are found
 * twice, by scanning the compiled classes (Guava ClassPath) and by listing the source directory, so
 * a new op file without a gradient test fails this test whichever way it is found.
 */
class OpConventionTest {
    private static final String PACKAGE = "dev.tapegrad.autograd.ops";
    private static final Path SOURCES = Path.of("src/main/java/dev/tapegrad/autograd/ops");

    @Test
    void everyOpClassHasAGradientProperty() throws IOException {
        Set<String> ops = opsOnClasspath();
        assertTrue(ops.size() >= 29, "the scan found too few ops to be trusted: " + ops);
        List<String> missing = new ArrayList<>();
        for (String op : ops) {
            if (!hasGradientProperty(op)) {
                missing.add(op + " (expected class " + PACKAGE + "." + op + "GradientTest with an @Property)");
            }
        }
        assertEquals(List.of(), missing, "ops without a gradient property test");
    }

    @Test
    void everyOpSourceFileHasAGradientProperty() throws IOException {
        assertTrue(Files.isDirectory(SOURCES), "run from the autograd module directory; missing " + SOURCES.toAbsolutePath());
        Set<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.list(SOURCES)) {
            s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".java") && !n.equals("package-info.java"))
                    .forEach(n -> files.add(n.substring(0, n.length() - ".java".length())));
        }
        assertEquals(opsOnClasspath(), files, "every file in ops/ should be one public op");
        List<String> missing = files.stream().filter(f -> !hasGradientProperty(f)).toList();
        assertEquals(List.of(), missing, "op source files without a <Name>GradientTest");
    }

    private static Set<String> opsOnClasspath() throws IOException {
        Set<String> ops = new TreeSet<>();
        for (ClassPath.ClassInfo info : ClassPath.from(OpConventionTest.class.getClassLoader())
                .getTopLevelClasses(PACKAGE)) {
            Class<?> c = info.load();
            if (Op.class.isAssignableFrom(c) && Modifier.isPublic(c.getModifiers()) && !c.isInterface()
                    && !Modifier.isAbstract(c.getModifiers())) {
                ops.add(c.getSimpleName());
            }
        }
        return ops;
    }

    private static boolean hasGradientProperty(String op) {
        Class<?> test;
        try {
            test = Class.forName(PACKAGE + "." + op + "GradientTest");
        } catch (ClassNotFoundException e) {
            return false;
        }
        Stream<Method> own = Arrays.stream(test.getDeclaredMethods());
        Stream<Method> inherited = Arrays.stream(test.getMethods());
        return Stream.concat(own, inherited).anyMatch(OpConventionTest::isProperty);
    }

    private static boolean isProperty(Method m) {
        return m.isAnnotationPresent(Property.class)
                || Arrays.stream(m.getAnnotations()).anyMatch(a -> a.annotationType().isAnnotationPresent(Property.class));
    }
}
