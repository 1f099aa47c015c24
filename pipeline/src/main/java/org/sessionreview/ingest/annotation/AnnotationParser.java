package org.sessionreview.ingest.annotation;

import org.sessionreview.ingest.ParseResult;

/**
 * Parses one annotation file into {@link RawAnnotation}s. Implementations are stateless and
 * thread-safe, read the whole content from memory (annotation files are small), never throw for
 * bad content (every record read is accepted or rejected with a specific reason; a file that
 * cannot be read at all gives one reject), and emit records in a deterministic order documented
 * by each parser.
 */
public interface AnnotationParser {
    /**
     * @param content the file's bytes, already decompressed
     * @param sourceFile the file name as given by the caller; copied into records and rejects
     * @param sessionId copied into rejects; may be null when not yet known
     */
    ParseResult<RawAnnotation> parse(byte[] content, String sourceFile, String sessionId);
}
