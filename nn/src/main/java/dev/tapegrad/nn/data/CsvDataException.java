package dev.tapegrad.nn.data;

/** A CSV file that cannot be read as a dataset; the message names the file, and the row and column. */
public final class CsvDataException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** An error with this message. */
    public CsvDataException(String message) {
        super(message);
    }

    /** An error with this message and cause. */
    public CsvDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
