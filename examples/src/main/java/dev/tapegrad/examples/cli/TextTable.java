package dev.tapegrad.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with aligned columns: numbers right-aligned, text left-aligned, two spaces between
 * columns, an indent before each row. ASCII only, so it reads the same on any terminal encoding.
 */
public final class TextTable {
    private final String[] headers;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    /**
     * A table with these column headers; a header starting with {@code >} is a right-aligned column
     * (the {@code >} is not printed).
     */
    public TextTable(String... headers) {
        this.headers = new String[headers.length];
        this.rightAligned = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            rightAligned[i] = headers[i].startsWith(">");
            this.headers[i] = rightAligned[i] ? headers[i].substring(1) : headers[i];
        }
    }

    /** Adds a row; it must have one cell per column. */
    public TextTable row(String... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException(
                    "table row has " + cells.length + " cells but the table has " + headers.length + " columns");
        }
        rows.add(cells.clone());
        return this;
    }

    /** Adds a line of free text (such as "... 900 more rows") between rows, not aligned to columns. */
    public TextTable note(String text) {
        rows.add(new String[] {text});
        return this;
    }

    /** Prints the header and the rows, each line starting with {@code indent}. */
    public void print(PrintWriter out, String indent) {
        int[] width = new int[headers.length];
        for (int c = 0; c < headers.length; c++) {
            width[c] = headers[c].length();
        }
        for (String[] r : rows) {
            if (r.length == headers.length) {
                for (int c = 0; c < r.length; c++) {
                    width[c] = Math.max(width[c], r[c].length());
                }
            }
        }
        out.println(line(headers, width, indent));
        for (String[] r : rows) {
            out.println(r.length == headers.length ? line(r, width, indent) : indent + r[0]);
        }
    }

    private String line(String[] cells, int[] width, String indent) {
        StringBuilder sb = new StringBuilder(indent);
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                sb.append("  ");
            }
            String pad = " ".repeat(width[c] - cells[c].length());
            sb.append(rightAligned[c] ? pad + cells[c] : c == cells.length - 1 ? cells[c] : cells[c] + pad);
        }
        return sb.toString().stripTrailing();
    }
}
