package dev.tapegrad.autograd;

import static com.google.common.base.Preconditions.checkArgument;

/** The target dimensions of the reshapes behind {@code unsqueeze}, {@code squeeze} and {@code flatten}. */
final class Layout {
    private Layout() {}

    /** {@code s} with a 1 inserted at {@code axis}, in {@code [-rank - 1, rank]} (negative counts from the end). */
    static int[] unsqueezed(Shape s, int axis) {
        int r = s.rank();
        checkArgument(axis >= -r - 1 && axis <= r, "unsqueeze: axis %s is out of range for shape %s (valid: %s to %s)",
                axis, s, -r - 1, r);
        int a = axis < 0 ? axis + r + 1 : axis;
        int[] d = s.dims();
        int[] out = new int[r + 1];
        System.arraycopy(d, 0, out, 0, a);
        out[a] = 1;
        System.arraycopy(d, a, out, a + 1, r - a);
        return out;
    }

    /** {@code s} without its dimensions of size 1. */
    static int[] squeezed(Shape s) {
        return java.util.Arrays.stream(s.dims()).filter(d -> d != 1).toArray();
    }

    /**
     * {@code s} without {@code axis} if that axis has size 1, else {@code s}'s dimensions; a 0-d shape
     * accepts axis 0 or -1, as PyTorch, and stays 0-d.
     */
    static int[] squeezed(Shape s, int axis) {
        if (s.rank() == 0) {
            checkArgument(axis == 0 || axis == -1, "squeeze: axis %s is out of range for shape [] (valid: -1 to 0)", axis);
            return new int[0];
        }
        int a = s.axis(axis, "squeeze");
        int[] d = s.dims();
        if (d[a] != 1) {
            return d;
        }
        int[] out = new int[d.length - 1];
        System.arraycopy(d, 0, out, 0, a);
        System.arraycopy(d, a + 1, out, a, d.length - a - 1);
        return out;
    }

    /** {@code s} with axes {@code start..end} (inclusive, negative from the end) merged; {@code [1]} for a 0-d shape. */
    static int[] flattened(Shape s, int start, int end) {
        if (s.rank() == 0) {
            // As PyTorch: a 0-d tensor flattens to one element whatever the bounds, when they name axis 0 or -1.
            checkArgument((start == 0 || start == -1) && (end == 0 || end == -1),
                    "flatten: axes %s to %s are out of range for shape [] (valid: -1 to 0)", start, end);
            return new int[] {1};
        }
        int a = s.axis(start, "flatten");
        int b = s.axis(end, "flatten");
        checkArgument(a <= b, "flatten: start axis %s comes after end axis %s for shape %s", start, end, s);
        int[] d = s.dims();
        int[] out = new int[d.length - (b - a)];
        System.arraycopy(d, 0, out, 0, a);
        int n = 1;
        for (int i = a; i <= b; i++) {
            n *= d[i];
        }
        out[a] = n;
        System.arraycopy(d, b + 1, out, a + 1, d.length - b - 1);
        return out;
    }
}
