package dev.tapegrad.examples.newton;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.Objects;
import java.util.function.Function;

/**
 * A loss at one point {@code theta}: its value, its gradient and products of its Hessian with any
 * direction. The gradient is recorded once, as a node ({@code loss.grad(p)}), and each product
 * differentiates it again: {@code H v = d(g . v)/dp}, one reverse sweep per product. Holds its own
 * tape, so make one per point.
 */
public final class Curvature {
    private final Tape tape = new Tape();
    private final Tensor p;
    private final Tensor gradient;
    private final double loss;
    private final double[] gradientValues;
    private int products;

    /**
     * The loss {@code f} at {@code theta} (copied). {@code f} gets the parameters as a tensor of shape
     * {@code [theta.length]} and records the loss on its tape.
     */
    public Curvature(Function<Tensor, Scalar> f, double[] theta) {
        Objects.requireNonNull(f, "Curvature: f");
        Objects.requireNonNull(theta, "Curvature: theta");
        p = tape.tensor(Shape.of(theta.length), theta);
        Scalar y = Objects.requireNonNull(f.apply(p), "Curvature: f returned null");
        loss = y.value();
        gradient = y.grad(p);
        gradientValues = gradient.values();
    }

    /** The loss at this point. */
    public double loss() {
        return loss;
    }

    /** The gradient at this point; a copy. */
    public double[] gradient() {
        return gradientValues.clone();
    }

    /**
     * The Hessian-vector product {@code H v} at this point. Does not modify {@code v}.
     *
     * @throws IllegalArgumentException if {@code v} does not have one value per parameter
     */
    public double[] times(double[] v) {
        Objects.requireNonNull(v, "Curvature.times: v");
        checkArgument(v.length == gradientValues.length, "Curvature.times: direction has %s values, the loss has %s "
                + "parameters", v.length, gradientValues.length);
        products++;
        Tensor direction = tape.constant(Shape.of(v.length), v);
        return gradient.mul(direction).sum().grad(p).values();
    }

    /** How many products {@link #times} has computed. */
    public int products() {
        return products;
    }
}
