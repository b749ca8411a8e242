package dev.tapegrad.nn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import dev.tapegrad.autograd.Leaf;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import java.util.Objects;

/**
 * A named, persistent tensor value that outlives tapes: a model's weight or bias (PyTorch's
 * {@code nn.Parameter}). Put it on a tape with {@link #on(Tape)} (the same tensor however often it is
 * asked for on that tape) and read its gradient with {@code gradients.of(parameter)}.
 *
 * <p>Only optimizers ({@link Optimizer#step}) and {@link Checkpoint} loading change a parameter, with
 * one explicit exception that only user code calls: {@link #copyFrom(double...)}, to set known weights
 * by hand. Nothing in the library calls it: not layers, not the trainer, not the diagnosis.
 * Not thread-safe: one model belongs to one thread while it trains.
 */
public final class Parameter implements Leaf {
    private String name;
    /** The container that named this parameter last, or {@code null}; see {@link #adopt}. */
    private Object owner;
    private final Shape shape;
    private final double[] data;
    private long version;

    /**
     * A parameter with this name, shape and initial values (copied).
     *
     * @throws IllegalArgumentException if the number of values does not fill the shape
     */
    public Parameter(String name, Shape shape, double... values) {
        this.name = Objects.requireNonNull(name, "name");
        this.shape = Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(values, "values");
        checkArgument(values.length == shape.size(), "parameter '%s': shape %s needs %s values, got %s",
                name, shape, shape.size(), values.length);
        this.data = values.clone();
    }

    /** The name, qualified by the enclosing containers, such as {@code 0.weight}. */
    @Override
    public String name() {
        return name;
    }

    @Override
    public Shape shape() {
        return shape;
    }

    /** The number of elements. */
    public int size() {
        return data.length;
    }

    /** The current values, row-major; a copy (changing it does not change the parameter). */
    @Override
    public double[] values() {
        return data.clone();
    }

    /**
     * Element {@code i} of the row-major values.
     *
     * @throws IllegalArgumentException naming the parameter if {@code i} is not in {@code [0, size())}
     */
    public double get(int i) {
        if (i < 0 || i >= data.length) {
            throw new IllegalArgumentException(String.format("parameter '%s' of shape %s: element %s is out of range "
                    + "(%s)", name, shape, i, data.length == 0 ? "it has no elements" : "0 to " + (data.length - 1)));
        }
        return data[i];
    }

    /**
     * How many times the values have changed: optimizer steps, {@link #copyFrom(double...)} and
     * checkpoint loading each advance it. A tape the parameter was put on before a change refuses it
     * (and its gradient) from then on, so a tape reused across training steps fails loudly instead of
     * training on a stale copy.
     */
    @Override
    public long version() {
        return version;
    }

    /** This parameter as a variable tensor on {@code tape}: {@code tape.leaf(this)}. */
    public Tensor on(Tape tape) {
        return tape.leaf(this);
    }

    /**
     * Overwrites the values with a copy of {@code values}: the explicit, user-called exception to "only
     * optimizers and checkpoint loading change a parameter" (PyTorch's {@code param.copy_(values)} under
     * {@code no_grad}). For setting known weights by hand, such as a hand-derived test network; never
     * called by the library itself, and not a training step (an optimizer's momentum or Adam moments
     * do not know about it). Advances the {@link #version()}, so tapes it is already on refuse it.
     *
     * @throws IllegalArgumentException if the length differs from {@link #size()}; nothing changes then
     */
    public void copyFrom(double... values) {
        Objects.requireNonNull(values, "values");
        checkArgument(values.length == data.length, "parameter '%s' of shape %s: copyFrom needs %s values, got %s",
                name, shape, data.length, values.length);
        System.arraycopy(values, 0, data, 0, data.length);
        changed();
    }

    /** The live storage, for optimizers and checkpoint loading in this package; never handed out. */
    double[] data() {
        return data;
    }

    /** Records that the values in {@link #data()} were changed; every writer of the storage calls it. */
    void changed() {
        version++;
    }

    /** Whether a container may take in {@code child}, the layer (or container) holding this parameter. */
    boolean adoptableVia(Layer child) {
        return owner == null || owner == child;
    }

    /**
     * Called when {@code container} takes in {@code child}, the layer holding this parameter: prefixes
     * the name with the child's index, such as {@code 0.}. A parameter is adopted once per level of
     * nesting: by its own layer's first container, then only by the container of that container.
     *
     * <p>Check {@link #adoptableVia(Layer)} first for every parameter, so a refusal changes no name.
     */
    void adopt(Object container, Layer child, String prefix) {
        checkState(adoptableVia(child), "parameter '%s' already belongs to another container", name);
        owner = container;
        name = prefix + name;
    }

    /** As PyTorch prints a parameter: its name, then its values as a tensor with its shape. */
    @Override
    public String toString() {
        return "Parameter " + name + " containing:\n" + new Tape().tensor(shape, data);
    }
}
