package org.sessionreview.model;

/**
 * One rejected input record: the row of the {@code rejects/} table.
 *
 * <p>{@code line} is the 1-based line number in the file (or the record number for formats
 * without lines, such as an XML element's position); 0 when the whole file is rejected.
 */
public class Reject {
    /** Maximum length of {@link #raw}; longer text is cut. */
    public static final int RAW_MAX_CHARS = 200;
    /**
     * Maximum length of {@link #reason}; longer text is cut. Reasons name the field, file, line and
     * kind of problem and quote only numbers and closed-vocabulary values (channel names, canonical
     * codes, column and field names), never an input token that can carry an identity.
     */
    public static final int REASON_MAX_CHARS = 240;

    public String sessionId;
    /** Path of the source file relative to the sessions root (or absolute when outside it). */
    public String sourceFile;

    public long line;
    public String reason;
    public String raw;

    public Reject() {}

    public Reject(String sessionId, String sourceFile, long line, String reason, String raw) {
        this.sessionId = sessionId;
        this.sourceFile = sourceFile;
        this.line = line;
        this.reason = cutReason(reason);
        this.raw = cut(raw);
    }

    /** Cuts text to {@link #RAW_MAX_CHARS} characters; null stays null. */
    public static String cut(String raw) {
        if (raw == null || raw.length() <= RAW_MAX_CHARS) {
            return raw;
        }
        return raw.substring(0, RAW_MAX_CHARS);
    }

    /** Cuts a reason to {@link #REASON_MAX_CHARS} characters, marking the cut; null stays null. */
    public static String cutReason(String reason) {
        if (reason == null || reason.length() <= REASON_MAX_CHARS) {
            return reason;
        }
        return reason.substring(0, REASON_MAX_CHARS - 3) + "...";
    }

    /**
     * Where and why, for a file's first reject in run.json and on the console: {@code line 12:
     * reason}, or the reason alone for line 0 (the whole file; "line 0" reads as a line of it).
     */
    public String located() {
        return (line > 0 ? "line " + line + ": " : "") + reason;
    }

    /** Readable one-line form used in the run summary: {@code file:line: reason}. */
    public String describe() {
        return sourceFile + (line > 0 ? ":" + line : "") + ": " + reason;
    }

    @Override
    public String toString() {
        return "Reject{" + describe() + "}";
    }
}
