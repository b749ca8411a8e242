package dev.tapegrad.autograd;

import dev.tapegrad.autograd.debug.AnomalySearch;
import java.util.List;
import java.util.Objects;

/**
 * A NaN or infinity traced to the op that produced it: in the forward pass, the first node whose
 * value is not finite; in the backward pass, the op whose derivative turned a finite gradient into a
 * non-finite one. Found at once by a tape in anomaly mode ({@link Tape#detectAnomaly(boolean)}, which
 * throws an {@link AnomalyException}), or afterwards on any tape by
 * {@code dev.tapegrad.autograd.debug.AnomalySearch.find(tape, gradients)}.
 *
 * @param phase the pass that produced the value
 * @param node the node's index on the tape (recording order)
 * @param op the name of the op that produced it ({@code leaf} or {@code constant} for an input holding one)
 * @param inputShapes the shapes of the op's inputs
 * @param site where the op was recorded ({@code Class.method(File.java:line)} of the first frame
 *     outside the autograd library, then its callers), or empty when anomaly mode was off
 * @param detail what was found, with the numbers
 */
public record Anomaly(Phase phase, int node, String op, List<Shape> inputShapes, String site, String detail) {
    /** The pass in which the non-finite value appeared. */
    public enum Phase {
        /** An op's output value. */
        FORWARD,
        /** A gradient computed by an op's backward. */
        BACKWARD
    }

    /** Copies the shape list and checks for nulls. */
    public Anomaly {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(op, "op");
        inputShapes = List.copyOf(inputShapes);
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(detail, "detail");
    }

    /** One sentence for a person: the pass, the op, its input shapes, what was found, and where. */
    public String describe() {
        String where = site.isEmpty()
                ? "recording site unknown (call tape.detectAnomaly(true) before the computation to record it)"
                : "recorded at " + site;
        return String.format("%s produced a non-finite value in the %s pass: %s (node #%d, input shapes %s); %s",
                op, phase == Phase.FORWARD ? "forward" : "backward", detail, node, inputShapes, where);
    }

    @Override
    public String toString() {
        return describe();
    }
}
