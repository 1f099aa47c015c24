package org.sessionreview.export;

/** The export cannot be made as its rules require; the message quotes no value of the tables. */
public final class ExportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExportException(String message) {
        super(message);
    }
}
