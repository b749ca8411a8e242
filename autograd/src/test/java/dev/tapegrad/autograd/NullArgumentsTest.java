package dev.tapegrad.autograd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.check.GradCheck;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Every public method of the user-facing types, called with {@code null} for one reference argument
 * (or one element of an array argument) and sound values for the rest, must fail with an
 * IllegalArgumentException, an IllegalStateException, or a NullPointerException whose message the
 * library wrote. The JVM's own message for a bare dereference ("Cannot invoke ... because ...")
 * means the null escaped into the library's insides.
 */
class NullArgumentsTest {
    private final Tape tape = new Tape();
    private final Tensor t = tape.tensor(Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
    private final Scalar s = tape.scalar(2);
    private final Leaf leaf = new Leaf() {
        @Override
        public Shape shape() {
            return Shape.of(2);
        }

        @Override
        public double[] values() {
            return new double[] {1, 2};
        }
    };

    /** A sound argument of this type, or {@code null} when the test has none (the method is skipped). */
    private Object sample(Class<?> type) {
        if (type == int.class) {
            return 0;
        } else if (type == long.class) {
            return 0L;
        } else if (type == double.class) {
            return 1.0;
        } else if (type == boolean.class) {
            return false;
        } else if (type == int[].class) {
            return new int[] {0};
        } else if (type == double[].class) {
            return new double[] {1, 2};
        } else if (type == double[][].class) {
            return new double[][] {{1, 2}, {3, 4}};
        } else if (type == Shape.class) {
            return Shape.of(2);
        } else if (type == Tensor.class || type == Node.class) {
            return t;
        } else if (type == Scalar.class) {
            return s;
        } else if (type == Tensor[].class || type == Node[].class) {
            return new Tensor[] {t, t};
        } else if (type == Scalar[].class) {
            return new Scalar[] {s, s};
        } else if (type == List.class || type == Collection.class) {
            return List.of(t);
        } else if (type == Leaf.class) {
            return leaf;
        } else if (type == Tape.class) {
            return tape;
        } else if (type == Gradients.class) {
            return s.backward();
        } else if (type == RandomGenerator.class) {
            return new SplittableRandom(1);
        } else if (type == Function.class) {
            Function<Object, Node> f = x -> x instanceof List<?> l ? ((Tensor) l.get(0)).sum() : ((Tensor) x).sum();
            return f;
        } else if (type == GradCheck.Input.class) {
            return GradCheck.Input.of(Shape.of(2), 1, 2);
        } else if (type == GradCheck.Input[].class) {
            return new GradCheck.Input[] {GradCheck.Input.of(Shape.of(2), 1, 2)};
        } else if (type == String.class) {
            return "x";
        }
        return null;
    }

    private Object receiver(Class<?> type) {
        if (type == GradCheck.class) {
            return GradCheck.withDefaults();
        }
        return sample(type);
    }

    @Test
    void aNullArgumentIsNamedNeverDereferenced() throws Exception {
        List<String> escaped = new ArrayList<>();
        int calls = 0;
        for (Class<?> type : List.of(Tape.class, Tensor.class, Scalar.class, Shape.class, Gradients.class,
                GradCheck.class, GradCheck.Input.class)) {
            for (Method m : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || m.getName().equals("equals")) {
                    continue;
                }
                Class<?>[] types = m.getParameterTypes();
                Object[] args = new Object[types.length];
                boolean known = true;
                for (int i = 0; i < types.length; i++) {
                    args[i] = sample(types[i]);
                    known &= args[i] != null;
                }
                if (!known) {
                    escaped.add(m + ": the test has no sample argument; add one");
                    continue;
                }
                Object self = Modifier.isStatic(m.getModifiers()) ? null : receiver(type);
                for (int i = 0; i < types.length; i++) {
                    // A String argument is an op's name for messages (checkSameTape, axis, broadcast).
                    if (types[i].isPrimitive() || types[i] == String.class) {
                        continue;
                    }
                    List<Object[]> variants = new ArrayList<>();
                    Object[] nulled = args.clone();
                    nulled[i] = null;
                    variants.add(nulled);
                    if (types[i].isArray() && !types[i].getComponentType().isPrimitive()) {
                        Object[] withNullElement = args.clone();
                        Object[] array = ((Object[]) args[i]).clone();
                        array[array.length - 1] = null;
                        withNullElement[i] = array;
                        variants.add(withNullElement);
                    }
                    for (Object[] v : variants) {
                        calls++;
                        String problem = problem(m, self, v);
                        if (problem != null) {
                            escaped.add(m.getDeclaringClass().getSimpleName() + "." + m.getName() + " with argument "
                                    + i + " null" + (v == nulled ? "" : " inside") + ": " + problem);
                        }
                    }
                }
            }
        }
        assertTrue(calls > 60, "only " + calls + " calls tried");
        assertTrue(escaped.isEmpty(), () -> String.join("\n", escaped));
    }

    /** What is wrong with calling {@code m} on these arguments, or {@code null} if it fails as it should. */
    private static String problem(Method m, Object self, Object[] args) throws IllegalAccessException {
        try {
            m.invoke(self, args);
            return "accepted";
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            if (c instanceof IllegalArgumentException || c instanceof IllegalStateException) {
                return c.getMessage() == null ? c + " without a message" : null;
            }
            if (c instanceof NullPointerException) {
                String msg = c.getMessage();
                return msg == null || msg.contains("because \"") || msg.startsWith("Cannot ") ? "bare " + c : null;
            }
            return "threw " + c;
        }
    }
}
