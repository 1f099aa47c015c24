package org.sessionreview.ingest.session;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.sessionreview.model.Role;

/**
 * A validated {@code session.json}. Holds the raw client identifier, which is protected health
 * information: only {@link org.sessionreview.ingest.SessionIngestor} sees it, and it turns it
 * into a keyed pseudonym before anything leaves ingestion.
 *
 * @param sessionId required, non-blank
 * @param therapistId required, non-blank
 * @param clientId required, non-blank; never written anywhere
 * @param sessionNumber required, >= 1
 * @param mediaStart second 0 of the session video, with its offset
 * @param wearables role -> folder name inside the session folder
 * @param annotations annotation file names inside the session folder
 * @param consentSupervision consent.supervision
 * @param consentResearch consent.research
 * @param durationS optional declared duration in seconds
 * @param codebook optional codebook file name inside the session folder
 * @param metadataJson other fields, compact JSON (never client_id)
 */
public record SessionManifest(
        String sessionId,
        String therapistId,
        String clientId,
        int sessionNumber,
        OffsetDateTime mediaStart,
        Map<Role, String> wearables,
        List<String> annotations,
        boolean consentSupervision,
        boolean consentResearch,
        Double durationS,
        String codebook,
        String metadataJson) {

    @Override
    public String toString() {
        // never print the client identifier
        return "SessionManifest{" + sessionId + ", therapist " + therapistId + ", #" + sessionNumber + "}";
    }
}
