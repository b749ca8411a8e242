package dev.tapegrad.nn.diagnose;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.nn.Layer;
import dev.tapegrad.nn.LossFunction;
import dev.tapegrad.nn.Parameter;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether each parameter is connected to the loss, decided from the tape's structure rather than from
 * the size of its gradient: a gradient that is exactly 0 at a stationary point or behind saturated
 * units is still connected, and must not be reported as detached.
 *
 * <p>The step is recorded again on a tape of its own and its backward is seeded with NaN instead of 1.
 * NaN times any local derivative, even 0, is NaN, so every parameter on a path from the loss ends up
 * with NaN in its gradient however small its real gradient is, while a parameter off every path (never
 * put on the tape, or used only through {@code detach()}) keeps exact zeros. A NaN in the parameter's
 * values instead would not do: it flows through {@code detach()} into the loss, so a detached
 * parameter would look connected. Changes no parameter.
 */
final class Connectivity {
    /** How a parameter relates to the loss. */
    enum Link {
        /** Its layer never put it on the tape: the forward pass does not use it. */
        NOT_ON_TAPE,
        /** On the tape, but no backward path from the loss reaches it (detached, or its result unused). */
        NO_PATH,
        /** A backward path from the loss reaches it. */
        CONNECTED,
        /** The probe could not tell (the NaN seed did not propagate). */
        UNKNOWN
    }

    private Connectivity() {}

    static Map<Parameter, Link> of(Layer model, LossFunction loss, double[][] x, double[][] y, List<Parameter> ps) {
        Tape tape = new Tape();
        Scalar l = loss.apply(model.forward(tape.constant(Shape.of(x.length, x[0].length), Probe.flatten(x))),
                tape.constant(Shape.of(y.length, y[0].length), Probe.flatten(y)));
        Scalar poisoned = l.mul(Double.NaN);
        Gradients g = poisoned.backward();
        boolean seeded = Double.isNaN(g.of(l));
        Map<Parameter, Link> links = new IdentityHashMap<>();
        for (Parameter p : ps) {
            int before = tape.size();
            tape.leaf(p); // a no-op when the forward pass already put p on this tape
            boolean wasOnTape = tape.size() == before;
            if (!wasOnTape) {
                links.put(p, Link.NOT_ON_TAPE);
            } else if (!seeded) {
                links.put(p, Link.UNKNOWN);
            } else {
                boolean reached = false;
                for (double v : g.of(p)) {
                    reached |= v != 0.0; // NaN != 0.0 is true
                }
                links.put(p, reached ? Link.CONNECTED : Link.NO_PATH);
            }
        }
        return links;
    }
}
