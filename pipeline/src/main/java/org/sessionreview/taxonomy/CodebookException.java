package org.sessionreview.taxonomy;

/**
 * A codebook file that cannot be used: malformed JSON, an unknown section, a label mapped to a
 * non-canonical code, an actor that is not client, therapist or dyad. The message names the file
 * and the problem, e.g. {@code codebook runs/codebook.json: label 'sigh' maps to 'ANX_SIGH', which
 * is not a canonical code}.
 */
public class CodebookException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public CodebookException(String message) {
        super(message);
    }

    public CodebookException(String message, Throwable cause) {
        super(message, cause);
    }
}
