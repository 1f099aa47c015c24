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
 * @param wearableParts role -> the wearer's E4 recording: one folder or E4 zip inside the session
 *     folder, or several parts of one recording (the wristband was restarted), in the order
 *     {@code session.json} lists them (read in time order, see {@link
 *     org.sessionreview.ingest.e4.E4Parts}); never empty, no name twice across all roles
 * @param annotations annotation file names inside the session folder
 * @param consentSupervision consent.supervision
 * @param consentResearch consent.research
 * @param durationS optional declared duration in seconds, at most {@link #MAX_DURATION_S}
 * @param codebook optional codebook file name inside the session folder
 * @param metadataJson other fields, compact JSON (never client_id)
 */
public record SessionManifest(
        String sessionId,
        String therapistId,
        String clientId,
        int sessionNumber,
        OffsetDateTime mediaStart,
        Map<Role, List<String>> wearableParts,
        List<String> annotations,
        boolean consentSupervision,
        boolean consentResearch,
        Double durationS,
        String codebook,
        String metadataJson) {

    /**
     * The longest plausible session, seconds (24 h): a longer declared {@code duration_s} is a
     * typing error (often milliseconds), and the review's time axes grow with it.
     */
    public static final double MAX_DURATION_S = 86_400;

    /**
     * The shortest declared {@code duration_s}, seconds (1 s): a positive value below it (1e-310
     * was accepted) is no session video, and rates per hour of it were written as Infinity.
     */
    public static final double MIN_DURATION_S = 1;

    /**
     * Role -> its folder or zip: the only one of the string form, the first listed of several
     * parts (read them all with {@link #wearableParts()}).
     */
    public Map<Role, String> wearables() {
        Map<Role, String> out = new java.util.EnumMap<>(Role.class);
        wearableParts.forEach((role, parts) -> out.put(role, parts.get(0)));
        return out;
    }

    @Override
    public String toString() {
        // never print the client identifier
        return "SessionManifest{" + sessionId + ", therapist " + therapistId + ", #" + sessionNumber + "}";
    }
}
