package org.sessionreview.ingest;

import java.util.List;
import org.sessionreview.ingest.annotation.RejectRaw;
import org.sessionreview.model.Reject;

/**
 * Keeps protected text out of the rejects table. Annotation records may carry client names
 * (subjects, actors, tier ids), site labels and free-text notes, none of which may reach an
 * output: every annotation reject's raw text goes through {@link RejectRaw#redact} (a JSON-object
 * record keeps only its contract fields with safe values; any other record has its raw text
 * withheld, and the file and line locate it instead). Parsers already redact at the source; this
 * is the last pass before the rejects leave ingestion. Reasons are written without input text by
 * the parsers themselves ({@link Reject#REASON_MAX_CHARS}).
 */
final class RejectPrivacy {
    /** What {@link Reject#raw} says when the text is withheld. */
    static final String WITHHELD = RejectRaw.WITHHELD;

    private RejectPrivacy() {}

    /** Scrubs every annotation reject in place. */
    static void scrubAnnotationRejects(List<Reject> rejects) {
        for (Reject r : rejects) {
            r.raw = scrub(r.raw);
        }
    }

    static String scrub(String raw) {
        return RejectRaw.redact(raw);
    }
}
