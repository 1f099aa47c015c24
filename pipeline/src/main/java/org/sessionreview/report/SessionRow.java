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
    /**
     * Client anxiety episodes overlapping the video; null when the client has no window holding
     * data (no wristband, or none of its samples valid): unknown, not none.
     */
    public Integer anxietyEpisodes;
    /** Their total duration, seconds; null as {@link #anxietyEpisodes}. */
    public Double anxietyTimeS;
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
    /** Channels of a declared wristband with no file or no accepted record, e.g. {@code therapist:TEMP}; none for a wearer without a wristband. */
    public List<String> missingChannels = new ArrayList<>();

    // ---- safety, ruptures, missed opportunities, synchrony (DOMAIN.md 2.7, 3, 4.3, 5) ----

    /** Coded SAFE_* events in the session (DOMAIN.md 2.7), answered or not; 0 when none. */
    public int safetyEvents;
    /** Withdrawal rupture episodes (3RS W markers merged per DOMAIN.md 3.1); 0 when none. */
    public int rupturesWithdrawal;
    /** Confrontation rupture episodes (3RS C markers merged per DOMAIN.md 3.1); 0 when none. */
    public int rupturesConfrontation;
    /** Rupture episodes (W and C) with outcome {@code resolved} (DOMAIN.md 3.4). */
    public int rupturesResolved;
    /** Rupture episodes with outcome {@code partially resolved} (repair tried, markers return). */
    public int rupturesPartial;
    /** Rupture episodes with outcome {@code unaddressed} (no repair attempt before closing). */
    public int rupturesUnaddressed;
    /** Rupture episodes with outcome {@code escalated} (significance rose after a repair). */
    public int rupturesEscalated;
    /**
     * Median, over the session's rupture episodes that had a repair attempt, of the time from
     * the episode's first marker to its first repair attempt, seconds (DOMAIN.md 3.5); null when
     * no episode had a repair attempt.
     */
    public Double medianTimeToRepairS;
    /** Share of the session's 5-minute segments with a withdrawal marker, 0..1 (3RS roll-up, DOMAIN.md 3.6); null without segments. */
    public Double segmentsWithWithdrawalShare;
    /** Share of the session's 5-minute segments with a confrontation marker, 0..1. */
    public Double segmentsWithConfrontationShare;
    /** Resolved / (resolved + partially resolved + unaddressed) rupture episodes; null without such episodes. */
    public Double resolutionRatio;
    /**
     * Missed therapeutic opportunities (DOMAIN.md 5: {@code no_response} or {@code
     * responded_reducing_space}) with a coded cue (voiced), over both triggers (episode onsets and
     * coded cues); physiology-only ones are {@code unvoiced_arousal} moments, not counted here; 0
     * when none; null when the session has no accepted annotation (not coded: unknown, not none).
     */
    public Integer missedOpportunities;
    /**
     * Sensitivity of the missed count to the response window, for research: {@code 5s=m/n;10s=...}
     * with m missed of n opportunities at fixed windows of 5, 10, 20 and 30 s (DOMAIN.md 5); null
     * when not coded, as are the 3RS segment shares.
     */
    public String missedOpportunitySensitivity;
    /** Session SUSY effect size of client-therapist synchrony (DOMAIN.md 4.3); null when not computed. */
    public Double synchronyEs;
    /** Percentile (0..100) of {@link #synchronyEs} among the surrogate (shuffled) pairings; null when not computed. */
    public Double synchronyPercentile;
    /** Share (0..1) of synchronous windows in which the client leads; null when not computed. */
    public Double clientLeadsShare;
    /** SUSY effect size over the lags where the client leads (DOMAIN.md 4.3 B); null when not computed. */
    public Double synchronyEsClientLeads;
    /** SUSY effect size over the lags where the therapist leads (DOMAIN.md 4.3 B); null when not computed. */
    public Double synchronyEsTherapistLeads;
    /** Share (0..1) of lags whose real synchrony exceeds the pseudo one ("%>Pseudo", DOMAIN.md 4.3 B); null when not computed. */
    public Double synchronyShareAbovePseudo;
    /**
     * (real - mean of the segment shuffles) / their SD (DOMAIN.md 4.3 D), beside {@link
     * #synchronyPercentile}; null when not computed.
     */
    public Double synchronySurrogateEs;

    public SessionRow() {}
}
