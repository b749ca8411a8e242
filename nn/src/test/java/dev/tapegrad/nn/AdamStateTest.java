package dev.tapegrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Adam's state round trip: a second optimizer loaded with the first's state takes the same next step. */
class AdamStateTest {
    private static void step(Adam adam, Parameter p) {
        Tensor x = p.on(new Tape());
        adam.step(x.mul(x).sum().mul(0.5).backward());
    }

    @Test
    void aLoadedStateContinuesTheSameTrajectory() {
        Parameter a = new Parameter("p", Shape.of(2), 1.0, -2.0);
        Adam first = Adam.builder(List.of(a)).learningRate(0.1).build();
        step(first, a);
        step(first, a);
        Parameter b = new Parameter("p", Shape.of(2), a.values());
        Adam second = Adam.builder(List.of(b)).learningRate(0.1).build();
        second.loadState(first.state());
        assertEquals(2, second.steps());
        step(first, a);
        step(second, b);
        assertArrayEquals(a.values(), b.values(), 0.0);
        // Without the state, the third step differs: the moments matter.
        Parameter c = new Parameter("p", Shape.of(2), 1.0, -2.0);
        Adam fresh = Adam.builder(List.of(c)).learningRate(0.1).build();
        step(fresh, c);
        Adam.State s = fresh.state();
        assertEquals(0.1 * 1.0, s.expAvg()[0][0], 1e-15);
        assertEquals(0.001 * 4.0, s.expAvgSq()[0][1], 1e-15);
    }

    @Test
    void aStateOfTheWrongSizeIsRefused() {
        Adam one = Adam.builder(List.of(new Parameter("p", Shape.of(2), 1.0, 2.0))).build();
        Adam other = Adam.builder(List.of(new Parameter("q", Shape.of(3), 1.0, 2.0, 3.0))).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> other.loadState(one.state()));
        assertEquals("Adam: state of parameter 0 ('q') has 2 values, the parameter 3", e.getMessage());
    }
}
