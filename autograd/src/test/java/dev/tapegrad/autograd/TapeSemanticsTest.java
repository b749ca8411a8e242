package dev.tapegrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** What backward promises: repeatable, accumulating, zero where unused, one tape per op, thread-confined. */
class TapeSemanticsTest {
    @Test
    void backwardTwiceReturnsEqualGradients() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(2, 3), 0.1, -0.2, 0.3, 0.4, -0.5, 0.6);
        Scalar s = tape.scalar(1.5);
        Scalar loss = x.mul(s).softmax(1).log().mul(x).sum().add(s.mul(s).sin());
        Gradients first = loss.backward();
        Gradients second = loss.backward();
        assertArrayEquals(first.of(x), second.of(x), 0.0);
        assertEquals(first.of(s), second.of(s), 0.0);
        double[] seed = {1, 2, 3, 4, 5, 6};
        Tensor y = x.exp().mul(s);
        assertArrayEquals(y.backward(seed).of(x), y.backward(seed).of(x), 0.0);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, seed, 0.0, "the seed is not modified");
    }

    @Test
    void nodeUsedSeveralTimesGetsTheSumOfAllContributions() {
        double xv = 0.7;
        Tape tape = new Tape();
        Scalar x = tape.scalar(xv);
        Scalar y = x.mul(x).add(x.mul(3)).add(x.sin()).add(x.asTensor().mul(x).sum());
        // d/dx (x^2 + 3x + sin x + x^2) = 4x + 3 + cos x
        assertEquals(4 * xv + 3 + Math.cos(xv), y.backward().of(x), 1e-15);

        // One node on both sides of a fast-path binary op gets both partial derivatives.
        Scalar p = tape.scalar(1.5);
        assertEquals(2, p.add(p).backward().of(p), 0.0);
        assertEquals(0, p.sub(p).backward().of(p), 0.0);
        assertEquals(3, p.mul(p).backward().of(p), 0.0);
        assertEquals(0, p.div(p).backward().of(p), 1e-16);
        assertEquals(Math.pow(1.5, 1.5) * (Math.log(1.5) + 1), p.pow(p).backward().of(p), 1e-14);

        Tensor t = tape.tensor(Shape.of(3), 1, 2, 3);
        Scalar z = t.add(t).mul(t).sum().add(t.get(1).mul(10));
        // z = sum 2 t^2 + 10 t_1: dz/dt = 4t + 10 e_1
        assertArrayEquals(new double[] {4, 18, 12}, z.backward().of(t), 0.0);
    }

    @Test
    void nodesTheOutputDoesNotDependOnGetZero() {
        Tape tape = new Tape();
        Scalar used = tape.scalar(2);
        Scalar unused = tape.scalar(3);
        Tensor unusedTensor = tape.tensor(Shape.of(2, 2), 1, 2, 3, 4);
        Tensor usedTensor = tape.tensor(Shape.of(2), 5, 6);
        Scalar c = tape.constant(7);
        Tensor constantTensor = tape.constant(Shape.of(2), 1, 1);
        Scalar out = used.mul(c).add(usedTensor.mul(constantTensor).sum());
        Scalar after = used.mul(100);
        Tensor afterTensor = usedTensor.mul(3);
        Gradients g = out.backward();
        assertEquals(7, g.of(used), 0.0);
        assertEquals(0, g.of(unused), 0.0);
        assertEquals(0, g.of(c), 0.0, "a constant gets no gradient");
        assertArrayEquals(new double[2], g.of(constantTensor), 0.0, "a constant gets no gradient");
        assertArrayEquals(new double[4], g.of(unusedTensor), 0.0);
        assertArrayEquals(new double[] {1, 1}, g.of(usedTensor), 0.0);
        assertEquals(0, g.of(after), 0.0, "a node recorded after the output");
        assertArrayEquals(new double[2], g.of(afterTensor), 0.0, "a tensor recorded after the output");
        Leaf neverOnTape = new TestLeaf(Shape.of(3), 1, 2, 3);
        assertArrayEquals(new double[3], g.of(neverOnTape), 0.0);
    }

    @Test
    void gradientsAreReturnedAsCopies() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(2), 1, 2);
        Gradients g = x.mul(x).sum().backward();
        double[] first = g.of(x);
        first[0] = 99;
        assertArrayEquals(new double[] {2, 4}, g.of(x), 0.0);
    }

    @Test
    void aPersistentLeafIsOneVariablePerTape() {
        TestLeaf p = new TestLeaf(Shape.of(2), 0.5, -1);
        Tape tape = new Tape();
        Tensor a = tape.leaf(p);
        assertSame(a, tape.leaf(p));
        Scalar loss = tape.leaf(p).mul(tape.leaf(p)).sum().add(tape.leaf(p).sum());
        assertArrayEquals(new double[] {2, -1}, loss.backward().of(p), 0.0);
        assertArrayEquals(new double[] {0.5, -1}, p.values(), 0.0, "the leaf is not modified");
    }

    @Test
    void detachStopsTheGradient() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(2), 1, 2);
        Scalar loss = x.mul(x.detach()).sum();
        assertArrayEquals(new double[] {1, 2}, loss.backward().of(x), 0.0);
    }

    @Test
    void seededBackwardIsTheVectorJacobianProduct() {
        Tape tape = new Tape();
        Tensor x = tape.tensor(Shape.of(3), 0.2, -0.4, 1.1);
        Tensor y = x.tanh();
        double[] seed = {0.5, -2, 3};
        double[] expected = new double[3];
        for (int i = 0; i < 3; i++) {
            double t = Math.tanh(x.values()[i]);
            expected[i] = seed[i] * (1 - t * t);
        }
        assertArrayEquals(expected, y.backward(seed).of(x), 1e-15);
    }

    @Test
    void mixingNodesOfTwoTapesInOneOpIsAnError() {
        Tape one = new Tape();
        Tape two = new Tape();
        Scalar a = one.scalar(1);
        Scalar b = two.scalar(2);
        Tensor t = one.tensor(Shape.of(2), 1, 2);
        Tensor u = two.tensor(Shape.of(2), 3, 4);
        Tensor m = two.tensor(Shape.of(2, 2), 1, 2, 3, 4);
        List<Executable> mixes = List.of(
                () -> a.add(b), () -> a.sub(b), () -> a.mul(b), () -> a.div(b), () -> a.pow(b),
                () -> t.add(u), () -> t.mul(b), () -> a.mul(u), () -> t.pow(u), () -> t.matmul(m),
                () -> Tensor.concat(0, t, u), () -> Tensor.stack(0, t, u), () -> Tensor.stack(a, b),
                () -> dev.tapegrad.autograd.ops.Add.INSTANCE.apply(t, u));
        int sizeOne = one.size();
        int sizeTwo = two.size();
        for (Executable mix : mixes) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, mix);
            assertTrue(e.getMessage().contains("different tapes"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.backward().of(b));
        assertTrue(e.getMessage().contains("different tape"), e.getMessage());
        assertEquals(sizeOne, one.size(), "a failed mix records nothing");
        assertEquals(sizeTwo, two.size(), "a failed mix records nothing");
    }

    @Test
    void twoTapesInTwoThreadsGiveTheSameNumbersAsSequential() throws Exception {
        Supplier<double[]> work1 = () -> workload(11);
        Supplier<double[]> work2 = () -> workload(12);
        double[] seq1 = work1.get();
        double[] seq2 = work2.get();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<double[]> f1 = pool.submit(() -> {
                start.await();
                return work1.get();
            });
            Future<double[]> f2 = pool.submit(() -> {
                start.await();
                return work2.get();
            });
            start.countDown();
            assertArrayEquals(seq1, f1.get(60, TimeUnit.SECONDS), 0.0);
            assertArrayEquals(seq2, f2.get(60, TimeUnit.SECONDS), 0.0);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A small training-like computation: a tanh layer and a long scalar tail, from a seed. */
    private static double[] workload(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Tape tape = new Tape();
        Tensor w = tape.randn(rng, 8, 8);
        Tensor x = tape.rand(rng, 16, 8);
        Tensor h = x.matmul(w).tanh().softmax(1);
        Scalar s = h.sum();
        for (int i = 0; i < 50_000; i++) {
            s = s.mul(0.999999).add(h.get(i % 16, i % 8)).sin();
        }
        Gradients g = s.backward();
        double[] gw = g.of(w);
        double[] out = new double[gw.length + 1];
        System.arraycopy(gw, 0, out, 0, gw.length);
        out[gw.length] = s.value();
        return out;
    }

    /** A persistent value for the tests. */
    record TestLeaf(Shape shape, double... data) implements Leaf {
        @Override
        public double[] values() {
            return data.clone();
        }
    }
}
