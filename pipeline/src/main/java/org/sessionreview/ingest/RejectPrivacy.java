package org.sessionreview.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.sessionreview.ingest.annotation.RecordFields;
import org.sessionreview.model.Reject;

/**
 * Keeps protected text out of the rejects table. Annotation records may carry free-text notes,
 * which never reach an output: a rejected JSON-object record keeps its raw text with every
 * free-text field removed; any other rejected annotation record (a delimited row, an XML element,
 * a BORIS project event) has its raw text withheld, and the file and line locate it instead.
 */
final class RejectPrivacy {
    /** What {@link Reject#raw} says when the text is withheld. */
    static final String WITHHELD = "[raw text withheld: annotation records may hold free-text notes]";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RejectPrivacy() {}

    /** Scrubs every annotation reject in place. */
    static void scrubAnnotationRejects(List<Reject> rejects) {
        for (Reject r : rejects) {
            r.raw = scrub(r.raw);
        }
    }

    static String scrub(String raw) {
        if (raw == null || raw.isBlank()) {
            return raw;
        }
        String t = raw.trim();
        if (t.startsWith("{")) {
            try {
                JsonNode n = MAPPER.readTree(t);
                if (n instanceof ObjectNode o) {
                    removeFreeText(o);
                    return Reject.cut(o.toString());
                }
            } catch (java.io.IOException e) {
                // not parseable: we cannot tell where a note is, so withhold it
            }
        }
        return WITHHELD;
    }

    /** Removes free-text fields at every depth. */
    private static void removeFreeText(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> drop = new ArrayList<>();
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (RecordFields.isFreeText(f)) {
                    drop.add(f);
                }
            }
            o.remove(drop);
        }
        for (JsonNode child : node) {
            removeFreeText(child);
        }
    }
}
