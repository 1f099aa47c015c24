package org.sessionreview.validation;

/** A labels file that cannot be used at all (no header naming a time and a label column). */
public final class LabelsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LabelsException(String message) {
        super(message);
    }
}
