package dev.tapegrad.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.internal.Code;
import dev.tapegrad.autograd.internal.CodeTable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every op method of {@link Scalar} records a fast-path code, and every code maps through
 * {@link CodeTable} to the op object whose value, numeric derivative and differentiable derivative the
 * fast path uses: each is checked against the op and against finite differences, so a code whose switch
 * case or table entry is missing or wrong fails here.
 */
class CodeTableTest {
    private static final double A = 0.7;
    private static final double B = 1.3;

    @Test
    void everyScalarOpMethodRecordsTheCodeOfItsOp() throws Exception {
        Set<String> covered = new TreeSet<>();
        for (Method m : opMethods()) {
            Tape tape = new Tape();
            Scalar a = tape.scalar(A);
            Scalar out = invoke(m, a, tape.scalar(B));
            byte code = tape.rec.code(out.id);
            byte base = (byte) (code & ~Code.CONST_B);
            Op op = CodeTable.op(base);
            assertNotNull(op, m + " recorded code " + code + ", which has no op");
            assertEquals(m.getName(), op.name(), m + " recorded the code of another op");
            Op bound = CodeTable.opOf(tape.rec, out.id);
            double expected = bound instanceof UnaryOp u ? u.value(A) : ((BinaryOp) bound).value(A, B);
            assertEquals(expected, out.value(), 0.0, m + ": value differs from its op's");
            covered.add(base + (code == base ? "" : "c"));
            checkDerivatives(m, bound);
        }
        Set<String> expected = new TreeSet<>();
        for (byte c = 0; c < Code.CONST_B; c++) {
            if (c != Code.LEAF && c != Code.CONST && c != Code.GENERIC && isCode(c)) {
                expected.add(Byte.toString(c));
                if (CodeTable.op(c) instanceof BinaryOp) {
                    expected.add(c + "c");
                }
            }
        }
        assertEquals(expected, covered, "codes without a Scalar method, or a method for an unknown code");
    }

    /** First derivative from the fast path's switch and second from the recorded gradient, both against the op. */
    private static void checkDerivatives(Method m, Op op) throws Exception {
        Tape tape = new Tape();
        Scalar a = tape.scalar(A);
        Scalar b = tape.scalar(B);
        Scalar y = invoke(m, a, b);
        Gradients g = y.backward();
        double h = 1e-5;
        if (op instanceof UnaryOp u) {
            assertEquals(u.derivative(A, u.value(A)), g.of(a), 0.0, m + ": the switch's derivative differs from the op's");
            double second = (u.derivative(A + h, u.value(A + h)) - u.derivative(A - h, u.value(A - h))) / (2 * h);
            assertEquals(second, y.grad(a).grad(a).value(), 1e-6 * Math.max(1, Math.abs(second)), m + ": second derivative");
        } else {
            BinaryOp bo = (BinaryOp) op;
            double v = bo.value(A, B);
            assertEquals(bo.partialA(A, B, v), g.of(a), 0.0, m + ": the switch's partial in a differs from the op's");
            assertEquals(bo.partialB(A, B, v), g.of(b), 0.0, m + ": the switch's partial in b differs from the op's");
            double daa = (bo.partialA(A + h, B, bo.value(A + h, B)) - bo.partialA(A - h, B, bo.value(A - h, B))) / (2 * h);
            double dab = (bo.partialA(A, B + h, bo.value(A, B + h)) - bo.partialA(A, B - h, bo.value(A, B - h))) / (2 * h);
            Scalar ga = y.grad(a);
            assertEquals(daa, ga.grad(a).value(), 1e-6 * Math.max(1, Math.abs(daa)), m + ": d2/da2");
            assertEquals(dab, ga.grad(b).value(), 1e-6 * Math.max(1, Math.abs(dab)), m + ": d2/dadb");
        }
    }

    private static boolean isCode(byte c) {
        try {
            return CodeTable.op(c) != null;
        } catch (IllegalStateException unknown) {
            return false;
        }
    }

    /** The public methods {@code Scalar f()}, {@code Scalar f(Scalar)} and {@code Scalar f(double)}, but grad. */
    private static List<Method> opMethods() {
        List<Method> ms = new ArrayList<>();
        for (Method m : Scalar.class.getMethods()) {
            Class<?>[] p = m.getParameterTypes();
            boolean shape = p.length == 0 || (p.length == 1 && (p[0] == Scalar.class || p[0] == double.class));
            if (m.getReturnType() == Scalar.class && shape && !Modifier.isStatic(m.getModifiers())
                    && !m.getName().equals("grad")) {
                ms.add(m);
            }
        }
        assertTrue(ms.size() >= 20, "found only " + ms);
        return ms;
    }

    private static Scalar invoke(Method m, Scalar a, Scalar b) throws Exception {
        Class<?>[] p = m.getParameterTypes();
        return (Scalar) (p.length == 0 ? m.invoke(a) : p[0] == Scalar.class ? m.invoke(a, b) : m.invoke(a, B));
    }
}
