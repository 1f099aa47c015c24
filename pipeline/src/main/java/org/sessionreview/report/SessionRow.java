package org.sessionreview.report;

import java.util.ArrayList;
import java.util.List;

/** One row of the {@code sessions/} table: a session's review summary. */
public class SessionRow {
    public String sessionId;
    public String therapistId;
    public String clientKey;
    public int sessionNumber;
    /** ISO yyyy-MM-dd in the offset of media_start. */
    public String sessionDate;
    /** Second 0 of the session video, epoch milliseconds (UTC). */
    public long mediaStartMillis;
    public double durationS;
    public int anxietyEpisodes;
    public double anxietyTimeS;
    /** Highest client anxiety index in the session; null without scored windows. */
    public Double peakAnxietyIndex;
    public boolean flagged;
    /** Higher = review first; 0 for sessions with nothing to review. */
    public double priority;
    public List<String> flagReasons = new ArrayList<>();
    /** Mean valid fraction of the client's channels over the session (0..1). */
    public double dataQualityClient;
    /** As for the client; 0 when the therapist wore no sensor. */
    public double dataQualityTherapist;
    public boolean consentSupervision;
    public boolean consentResearch;
    public int annotationCount;
    public String baselineSource;
    /** SUSY-style session synchrony effect size of client and therapist EDA (DOMAIN.md 4.3 B); null without both wearers. */
    public Double synchronyEs;
    /** Percentile of the real synchrony within the segment-shuffle surrogates (0..100). */
    public Double synchronyPercentile;
    /** Share of synchrony windows with a leader in which the client leads (0..1). */
    public Double clientLeadsShare;
    /** Wearable channels absent from the session, e.g. {@code therapist:TEMP}. */
    public List<String> missingChannels = new ArrayList<>();

    public SessionRow() {}
}
