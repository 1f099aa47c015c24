package org.sessionreview.ingest.annotation;

/**
 * Signals that one input record cannot be used; the message is the reject reason shown to users
 * (for example {@code end 12.0 is before start 15.0}). Parsers catch it and turn it into a {@link
 * org.sessionreview.model.Reject}; it never escapes a parser.
 */
public class InvalidRecordException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidRecordException(String reason) {
        super(reason);
    }
}
