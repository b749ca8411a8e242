package dev.tapegrad.autograd;

import java.util.Locale;

/**
 * Prints tensor values as PyTorch prints them: nested rows, one number format for every element
 * (whole numbers as {@code 1.}, otherwise four decimals, or scientific notation when the magnitudes
 * span more than three orders or reach 1e8), rows wrapped at 80 characters, and tensors of more than
 * 1000 elements summarised to their first and last three entries along each axis. Unlike PyTorch the
 * shape is always printed.
 */
final class TensorFormat {
    private static final int SUMMARISE_ABOVE = 1000;
    private static final int EDGE = 3;
    private static final int LINE_WIDTH = 80;

    private TensorFormat() {}

    /**
     * {@code prefix(values, shape=[..]suffix)}, such as {@code tensor([[1., 2.], [3., 4.]], shape=[2, 2])}
     * with the rows on separate lines. {@code suffix} is appended inside the parentheses, after the shape.
     */
    static String format(String prefix, Shape shape, double[] values, String suffix) {
        StringBuilder sb = new StringBuilder(prefix).append('(');
        if (shape.isScalar()) {
            sb.append(new Style(values).format(values[0]));
        } else if (values.length == 0) {
            sb.append("[]");
        } else {
            boolean summarise = values.length > SUMMARISE_ABOVE;
            Style style = new Style(values);
            new Writer(sb, shape.dims(), values, style, summarise, prefix.length() + 1).block(0, 0);
        }
        if (!shape.isScalar()) {
            sb.append(", shape=").append(shape);
        }
        return sb.append(suffix).append(')').toString();
    }

    /**
     * The gradients of the variables made on the tape ({@code tape.tensor}, {@code tape.scalar},
     * {@code tape.leaf}) that the output reached, one per line with its node number.
     */
    static String gradients(Gradients g) {
        Tape tape = g.tape();
        StringBuilder lines = new StringBuilder();
        int count = 0;
        for (int id = 0; id < tape.size(); id++) {
            Recorded r = tape.node(id);
            if (!r.isLeaf() || !r.requiresGrad()) {
                continue;
            }
            Node node = r.node();
            if (!g.reached(node)) {
                continue;
            }
            double[] grad = node instanceof Scalar s ? new double[] {g.of(s)} : g.of((Tensor) node);
            String label = "  node " + id + ": ";
            lines.append(label).append(format("tensor", r.shape(), grad, "")
                    .replace("\n", "\n" + " ".repeat(label.length()))).append('\n');
            count++;
        }
        return "Gradients(" + count + (count == 1 ? " variable" : " variables") + " reached"
                + (count == 0 ? ")" : ":\n" + lines + ")");
    }

    /** Writes the nested brackets for one sub-block at a time. */
    private static final class Writer {
        private final StringBuilder sb;
        private final int[] dims;
        private final int[] strides;
        private final double[] values;
        private final Style style;
        private final boolean summarise;
        private final int indent;

        Writer(StringBuilder sb, int[] dims, double[] values, Style style, boolean summarise, int indent) {
            this.sb = sb;
            this.dims = dims;
            this.values = values;
            this.style = style;
            this.summarise = summarise;
            this.indent = indent;
            this.strides = new int[dims.length];
            int s = 1;
            for (int a = dims.length - 1; a >= 0; a--) {
                strides[a] = s;
                s *= dims[a];
            }
        }

        /** The block along {@code axis} starting at element {@code offset}; recursion depth is the rank. */
        void block(int axis, int offset) {
            sb.append('[');
            int n = dims[axis];
            boolean cut = summarise && n > 2 * EDGE;
            boolean last = axis == dims.length - 1;
            int column = indent + axis + 1;
            for (int i = 0; i < n; i++) {
                if (cut && i == EDGE) {
                    sb.append("...");
                    separator(axis, last);
                    column = indent + axis + 1;
                    i = n - EDGE;
                }
                if (last) {
                    String v = style.format(values[offset + i]);
                    if (i > 0 && !(cut && i == n - EDGE) && column + v.length() + 2 > LINE_WIDTH) {
                        sb.setLength(sb.length() - 1); // the separator's space
                        sb.append('\n').append(" ".repeat(indent + axis + 1));
                        column = indent + axis + 1;
                    }
                    sb.append(v);
                    column += v.length() + 2;
                } else {
                    block(axis + 1, offset + i * strides[axis]);
                }
                if (i + 1 < n) {
                    separator(axis, last);
                }
            }
            sb.append(']');
        }

        private void separator(int axis, boolean last) {
            if (last) {
                sb.append(", ");
                return;
            }
            sb.append(',').append("\n".repeat(dims.length - axis - 1)).append(" ".repeat(indent + axis + 1));
        }
    }

    /** One number format for every printed element, chosen from the finite values' magnitudes. */
    private static final class Style {
        private final boolean whole;
        private final boolean scientific;
        private final int width;

        Style(double[] values) {
            double max = 0;
            double min = Double.POSITIVE_INFINITY;
            double highest = 0;
            double lowest = 0;
            boolean allWhole = true;
            boolean nonFinite = false;
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    nonFinite = true;
                    continue;
                }
                double a = Math.abs(v);
                allWhole &= v == Math.rint(v);
                highest = Math.max(highest, v);
                lowest = Math.min(lowest, v);
                if (a != 0) {
                    max = Math.max(max, a);
                    min = Math.min(min, a);
                }
            }
            this.whole = allWhole && max < 1e8;
            this.scientific = !whole && max != 0 && (max / min > 1000 || max >= 1e8 || min < 1e-4);
            // The longest text belongs to an extreme value (or to "-inf"), so the others need not be formatted.
            int w = Math.max(plain(highest).length(), plain(lowest).length());
            this.width = nonFinite ? Math.max(w, 4) : w;
        }

        String format(double v) {
            String s = plain(v);
            return width > s.length() ? " ".repeat(width - s.length()) + s : s;
        }

        private String plain(double v) {
            if (Double.isNaN(v)) {
                return "nan";
            }
            if (Double.isInfinite(v)) {
                return v > 0 ? "inf" : "-inf";
            }
            if (whole) {
                return String.format(Locale.ROOT, "%.0f.", v);
            }
            return String.format(Locale.ROOT, scientific ? "%.4e" : "%.4f", v);
        }
    }
}
