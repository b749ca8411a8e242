package dev.tapegrad.autograd;

import java.util.Arrays;

/**
 * The dimensions of a tensor, row-major. Immutable, with value equality; {@code Shape.of()} is the
 * shape of a scalar. {@link #toString()} prints like {@code [2, 3]}.
 */
public final class Shape {
    private static final Shape SCALAR = new Shape(new int[0]);

    private final int[] dims;
    private final int size;

    private Shape(int[] dims) {
        this.dims = dims;
        long n = 1;
        for (int d : dims) {
            n *= d;
            if (n > Integer.MAX_VALUE) { // the message is built only on failure: shapes are made on every op
                n = tooLargeUnlessEmpty(dims);
                break;
            }
        }
        this.size = (int) n;
    }

    /** 0 if some dimension is 0 (an empty shape has no elements, however large the others); else throws. */
    private static long tooLargeUnlessEmpty(int[] dims) {
        for (int d : dims) {
            if (d == 0) {
                return 0;
            }
        }
        throw new IllegalArgumentException(
                String.format("shape %s has more than 2^31 - 1 elements", Arrays.toString(dims)));
    }

    /** A shape with the given dimensions (copied); each must be zero or more. No dimensions: a scalar. */
    public static Shape of(int... dims) {
        if (dims == null) {
            throw new NullPointerException("shape: dims is null");
        }
        if (dims.length == 0) {
            return SCALAR;
        }
        for (int d : dims) {
            if (d < 0) {
                throw negative(dims);
            }
        }
        return new Shape(dims.clone());
    }

    /** The vector shape {@code [length]}; as {@link #of(int...)} without the defensive copy. */
    public static Shape of(int length) {
        int[] d = {length};
        if (length < 0) {
            throw negative(d);
        }
        return new Shape(d);
    }

    /** The matrix shape {@code [rows, columns]}; as {@link #of(int...)} without the defensive copy. */
    public static Shape of(int rows, int columns) {
        int[] d = {rows, columns};
        if (rows < 0 || columns < 0) {
            throw negative(d);
        }
        return new Shape(d);
    }

    private static IllegalArgumentException negative(int[] dims) {
        return new IllegalArgumentException(String.format("shape %s: dimensions must be >= 0", Arrays.toString(dims)));
    }

    /** The dimensions, as a copy the caller may change. */
    public int[] dims() {
        return dims.clone();
    }

    /** The number of dimensions (0 for a scalar). */
    public int rank() {
        return dims.length;
    }

    /** The extent of one axis; a negative axis counts from the end, as in PyTorch. */
    public int dim(int axis) {
        return dims[axis(axis, "dim")];
    }

    /** The number of elements: the product of the dimensions, 1 for a scalar. */
    public int size() {
        return size;
    }

    /** Whether this is the scalar shape {@code []}. */
    public boolean isScalar() {
        return dims.length == 0;
    }

    /**
     * Resolves a possibly negative axis against this shape, or throws an error naming the operation.
     *
     * @param axis an axis in {@code [-rank, rank)}
     * @param op the operation name for the error message
     */
    public int axis(int axis, String op) {
        int r = dims.length;
        if (axis < -r || axis >= r) { // not checkArgument: its varargs would box on every call
            throw new IllegalArgumentException(r == 0
                    ? String.format("%s: axis %s is out of range: shape [] has no axes", op, axis)
                    : String.format("%s: axis %s is out of range for shape %s (valid: %s to %s)", op, axis, this, -r, r - 1));
        }
        return axis < 0 ? axis + r : axis;
    }

    /**
     * The coordinates of the element at row-major position {@code flat}, like NumPy's
     * {@code unravel_index}.
     */
    public int[] unravel(int flat) {
        if (flat < 0 || flat >= size) {
            throw new IllegalArgumentException(String.format("unravel: position %s is out of range for shape %s (%s elements)",
                    flat, this, size));
        }
        int[] idx = new int[dims.length];
        for (int a = dims.length - 1; a >= 0; a--) {
            idx[a] = flat % dims[a];
            flat /= dims[a];
        }
        return idx;
    }

    /** Row-major strides: the step in the flat array for one step along each axis. */
    public int[] strides() {
        int[] s = new int[dims.length];
        int step = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            s[i] = step;
            step *= dims[i];
        }
        return s;
    }

    /**
     * The NumPy broadcast of two shapes: aligned from the right, each pair of dimensions equal or one
     * of them 1.
     *
     * @throws IllegalArgumentException naming the operation and both shapes when they do not broadcast
     */
    public static Shape broadcast(Shape a, Shape b, String op) {
        if (a == null || b == null) {
            throw new NullPointerException(op + ": shape " + (a == null ? "a" : "b") + " is null");
        }
        if (a.equals(b)) {
            return a;
        }
        int r = Math.max(a.rank(), b.rank());
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i < r - a.rank() ? 1 : a.dims[i - (r - a.rank())];
            int db = i < r - b.rank() ? 1 : b.dims[i - (r - b.rank())];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(String.format(
                        "%s: shapes %s and %s do not broadcast (dimension %s of the result: %s vs %s)",
                        op, a, b, i, da, db));
            }
            out[i] = da == 1 ? db : da;
        }
        return new Shape(out);
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof Shape s) || s.size != size || s.dims.length != dims.length) {
            return false;
        }
        // A plain loop: shapes are compared on every op, and have a handful of dimensions.
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] != s.dims[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return Arrays.toString(dims);
    }

    /** This shape with {@code axis} (resolved, non-negative) removed, or kept as 1 when {@code keepDims}. */
    public Shape reduced(int axis, boolean keepDims) {
        // The dimensions are this shape's, already checked: the new arrays go to the constructor as they are.
        if (keepDims) {
            int[] d = dims.clone();
            d[axis] = 1;
            return new Shape(d);
        }
        if (dims.length == 1) {
            return SCALAR;
        }
        int[] r = new int[dims.length - 1];
        for (int i = 0, j = 0; i < dims.length; i++) {
            if (i != axis) {
                r[j++] = dims[i];
            }
        }
        return new Shape(r);
    }
}
