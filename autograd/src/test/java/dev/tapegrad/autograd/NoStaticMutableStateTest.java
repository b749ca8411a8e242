package dev.tapegrad.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.check.GradCheck;
import com.google.common.reflect.ClassPath;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The invariant behind "two tapes in two threads never interfere": no class of the library holds
 * static mutable state. Every static field of every main class must be final and of an immutable
 * kind (a primitive, a String, a Shape, the library's own stateless singletons), never an array or
 * a collection. The one exception is named below: per-thread scratch memory whose contents never
 * reach a result.
 */
class NoStaticMutableStateTest {
    // StackWalker: a configured walker holds no state between walks and is thread-safe (its Javadoc).
    private static final Set<Class<?>> IMMUTABLE = Set.of(String.class, Shape.class, GradCheck.class, StackWalker.class);
    // Named, not referenced: the incubator module is not on every test run's module path. A species
    // is an immutable value-based description of a vector shape.
    private static final Set<String> IMMUTABLE_NAMES = Set.of("jdk.incubator.vector.VectorSpecies");
    // The one exception, by name: the matrix kernels' packing buffers, one per thread. No two threads
    // share one, a thread takes its buffer out while it uses it, and every element is written before it
    // is read, so no tape can see another's use (ScratchTest checks all three). A new exception needs
    // the same argument, written here.
    private static final Set<String> PER_THREAD_SCRATCH = Set.of("dev.tapegrad.autograd.kernel.Scratch.HELD");

    private static boolean isEmptyArray(Field f) {
        try {
            f.setAccessible(true);
            Object v = f.get(null);
            return v != null && java.lang.reflect.Array.getLength(v) == 0;
        } catch (IllegalAccessException e) {
            return false;
        }
    }

    @Test
    void mainClassesHaveNoStaticMutableFields() throws IOException, URISyntaxException {
        Path mainClasses = Path.of(Tape.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> bad = new ArrayList<>();
        int scanned = 0;
        for (ClassPath.ClassInfo info : ClassPath.from(Tape.class.getClassLoader()).getAllClasses()) {
            if (!info.getPackageName().startsWith("dev.tapegrad.autograd")) {
                continue;
            }
            Class<?> c = info.load();
            if (!Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).equals(mainClasses)) {
                continue;
            }
            scanned++;
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (!Modifier.isStatic(m) || f.isSynthetic() || f.isEnumConstant()) {
                    continue;
                }
                Class<?> t = f.getType();
                boolean ok = Modifier.isFinal(m) && (t.isPrimitive() || IMMUTABLE.contains(t) || IMMUTABLE_NAMES.contains(t.getName())
                        || (t.getName().startsWith("dev.tapegrad.autograd") && !t.isArray() && t.isAssignableFrom(c)));
                if (!ok && Modifier.isFinal(m) && t.isArray()) {
                    ok = isEmptyArray(f); // a zero-length array has no element to change
                }
                if (!ok && t == ThreadLocal.class && Modifier.isFinal(m)) {
                    ok = PER_THREAD_SCRATCH.contains(c.getName() + "." + f.getName());
                }
                if (!ok) {
                    bad.add(c.getName() + "." + f.getName() + " : " + t.getSimpleName());
                }
            }
        }
        assertTrue(scanned >= 40, "scanned only " + scanned + " classes");
        assertEquals(List.of(), bad, "static fields that are not final constants of an immutable type");
    }
}
