package org.sessionreview.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A session's metadata from {@code session.json}, after validation and pseudonymisation: the raw
 * client identifier is gone, only {@link #clientKey} (HMAC-SHA256) remains.
 */
public class SessionInfo {
    public String sessionId;
    public String therapistId;
    /** Keyed hash of the site's client identifier (hex). */
    public String clientKey;

    public int sessionNumber;
    /** Second 0 of the session video, epoch milliseconds. */
    public long mediaStartMillis;
    /** {@code media_start} as written (ISO-8601 with its offset). */
    public String mediaStartText;
    /** Calendar date of the session in the offset of {@code media_start}, ISO yyyy-MM-dd. */
    public String sessionDate;
    /** Declared duration in seconds, or the span of the data when not declared. */
    public double durationS;

    public boolean durationDeclared;
    public boolean consentSupervision;
    public boolean consentResearch;
    /** Roles ({@link Role#id()}) whose wearable folder was found. */
    public List<String> wearers = new ArrayList<>();
    /** Roles whose recording {@code session.json wearables} lists in more than one part. */
    public List<String> multiPartWearers = new ArrayList<>();
    /** Number of canonical annotations this session produced. */
    public int annotationCount;
    /** Other session.json fields, as compact JSON (never client_id). */
    public String metadataJson;
    /** Session folder, relative to the sessions root. */
    public String folder;
    /** Missing wearable channels, e.g. {@code therapist:TEMP}. */
    public List<String> missingChannels = new ArrayList<>();
    /**
     * True for a live session that is still running (sent when its {@code session_start} message
     * arrives): {@link #wearers} are the declared ones, {@link #annotationCount}, {@link
     * #durationS} and {@link #missingChannels} are not known yet, so the session operator never
     * completes the session on it. The session's end brings the final metadata (false). Always
     * false in a review of files.
     */
    public boolean provisional;
    /**
     * Live input only: the Kafka record timestamp (epoch ms) of the message that produced this
     * record ({@code session_start} for the provisional one; {@code session_end}, or the silence
     * timer's time, for the final one); 0 in a review of files. For latency measurement; in no
     * table.
     */
    public long arrivalMillis;

    public SessionInfo() {}

    /** A copy with its own lists (the operator's state object stays untouched). */
    public SessionInfo copy() {
        SessionInfo c = new SessionInfo();
        c.sessionId = sessionId;
        c.therapistId = therapistId;
        c.clientKey = clientKey;
        c.sessionNumber = sessionNumber;
        c.mediaStartMillis = mediaStartMillis;
        c.mediaStartText = mediaStartText;
        c.sessionDate = sessionDate;
        c.durationS = durationS;
        c.durationDeclared = durationDeclared;
        c.consentSupervision = consentSupervision;
        c.consentResearch = consentResearch;
        c.wearers = new ArrayList<>(wearers);
        c.multiPartWearers = new ArrayList<>(multiPartWearers);
        c.annotationCount = annotationCount;
        c.metadataJson = metadataJson;
        c.folder = folder;
        c.missingChannels = new ArrayList<>(missingChannels);
        c.provisional = provisional;
        c.arrivalMillis = arrivalMillis;
        return c;
    }

    @Override
    public String toString() {
        return "SessionInfo{" + sessionId + " th=" + therapistId + " #" + sessionNumber + "}";
    }
}
