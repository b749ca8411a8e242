package dev.tapegrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An optimizer step copies each gradient into an array it owns instead of asking for a new one: the
 * step itself allocates (next to) nothing, where a copy per parameter would be eight bytes a value.
 */
class OptimizerAllocationTest {
    private static final int SIZE = 20_000;

    private static Gradients gradients(Parameter p) {
        Tensor x = p.on(new Tape());
        return x.mul(x).sum().mul(0.5).backward();
    }

    /** The bytes one step allocates, the gradients of each step computed (unmeasured) on a tape of its own. */
    private static long bytesPerStep(Optimizer opt, Parameter p) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        opt.step(gradients(p)); // first step: momentum buffers may be created here
        long total = 0;
        for (int i = 0; i < 10; i++) {
            Gradients g = gradients(p);
            long before = mx.getThreadAllocatedBytes(id);
            opt.step(g);
            total += mx.getThreadAllocatedBytes(id) - before;
        }
        return total / 10;
    }

    @Test
    void stepsAllocateLessThanOneGradientCopy() {
        double[] values = new double[SIZE];
        java.util.Arrays.fill(values, 0.5);
        Parameter p = new Parameter("p", Shape.of(SIZE), values);
        long copy = 8L * SIZE;
        long sgd = bytesPerStep(Sgd.builder(List.of(p)).learningRate(0.1).build(), p);
        long momentum = bytesPerStep(Sgd.builder(List.of(p)).learningRate(0.1).momentum(0.9).weightDecay(0.01).build(), p);
        long adam = bytesPerStep(Adam.builder(List.of(p)).learningRate(0.1).build(), p);
        assertTrue(sgd < copy / 10, "sgd allocates " + sgd + " bytes a step");
        assertTrue(momentum < copy / 10, "sgd with momentum allocates " + momentum + " bytes a step");
        assertTrue(adam < copy / 10, "adam allocates " + adam + " bytes a step");
    }

    @Test
    void copyIntoReadsWhatOfReturns() {
        Parameter p = new Parameter("p", Shape.of(3), 1.0, -2.0, 3.0);
        Parameter unused = new Parameter("q", Shape.of(2), 4.0, 5.0);
        Gradients g = gradients(p);
        double[] into = {9, 9, 9};
        g.copyInto(p, into);
        assertArrayEquals(new double[] {1.0, -2.0, 3.0}, into); // d(sum(p^2)/2)/dp = p
        double[] zeros = {9, 9};
        g.copyInto(unused, zeros);
        assertArrayEquals(new double[] {0, 0}, zeros);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.copyInto(p, new double[2]));
        assertTrue(e.getMessage().contains("3 values"), e.getMessage());
    }

    @Test
    void addToAddsTheScaledGradientInPlace() {
        Parameter p = new Parameter("p", Shape.of(3), 1.0, -2.0, 3.0);
        Parameter unused = new Parameter("q", Shape.of(2), 4.0, 5.0);
        Gradients g = gradients(p);
        double[] into = {10, 20, 30};
        g.addTo(p, -0.5, into);
        assertArrayEquals(new double[] {9.5, 21.0, 28.5}, into); // + (-0.5) * p
        double[] untouched = {7, 8};
        g.addTo(unused, 3.0, untouched);
        assertArrayEquals(new double[] {7, 8}, untouched);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.addTo(p, 1.0, new double[2]));
        assertTrue(e.getMessage().contains("addTo") && e.getMessage().contains("3 values"), e.getMessage());
    }

    @Test
    void plainSgdStepsAsTheCopyingUpdateWould() {
        double[] start = {0.3, -1.7, 2.9, 1e-300, -4.25};
        Parameter p = new Parameter("p", Shape.of(5), start.clone());
        Sgd sgd = Sgd.builder(List.of(p)).learningRate(0.1).build();
        double[] expected = start.clone();
        for (int step = 0; step < 3; step++) {
            Gradients g = gradients(p);
            double[] grad = g.of(p);
            for (int i = 0; i < expected.length; i++) {
                expected[i] -= 0.1 * grad[i];
            }
            sgd.step(g);
            assertArrayEquals(expected, p.values(), 0.0, "step " + step);
        }
    }
}
