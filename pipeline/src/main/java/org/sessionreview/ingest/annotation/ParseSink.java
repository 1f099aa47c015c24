package org.sessionreview.ingest.annotation;

import org.sessionreview.ingest.ParseResult;
import org.sessionreview.model.Reject;

/**
 * Collects what a parser makes of one file into a {@link ParseResult}, counting every record read
 * exactly once, so that {@code recordsRead == records + rejects} always holds.
 */
public final class ParseSink {
    private final ParseResult<RawAnnotation> result = new ParseResult<>();
    private final String sourceFile;
    private final String sessionId;

    /**
     * @param sourceFile the file name as given by the caller, copied into rejects
     * @param sessionId the session the rejects belong to; may be null when not yet known
     */
    public ParseSink(String sourceFile, String sessionId) {
        this.sourceFile = sourceFile;
        this.sessionId = sessionId;
    }

    /** Counts one record read and accepts it. */
    public void accept(RawAnnotation annotation) {
        result.countRead();
        result.accept(annotation);
    }

    /**
     * Counts one record read and rejects it with {@code reason}, which must name fields and kinds
     * of problem and never quote input text ({@link Reject#REASON_MAX_CHARS}); {@code raw} is
     * redacted ({@link RejectRaw#redact}) and cut to 200 chars.
     */
    public void reject(long line, String reason, String raw) {
        result.countRead();
        result.reject(new Reject(sessionId, sourceFile, line, reason, RejectRaw.redact(raw)));
    }

    public String sourceFile() {
        return sourceFile;
    }

    /** The session the file belongs to; null when not known. */
    public String sessionId() {
        return sessionId;
    }

    public ParseResult<RawAnnotation> result() {
        return result;
    }
}
