package org.sessionreview.report;

/**
 * One record of the live-moments feed: a {@link MomentRow} sent while its session is still running
 * ({@value #LIVE}), found only by the session's final review ({@value #FINAL}), or sent live and
 * then not confirmed by the final review ({@value #WITHDRAWN}). A plain POJO (public fields, no-arg
 * constructor) so that Flink serializes it without Kryo.
 *
 * <p>A live record is a candidate: the session's {@code moments/} table (the final review) stays
 * authoritative. A moment is identified by ({@link #kind}, {@link #role}, {@link #startS}); the
 * feed carries each identity once as {@value #LIVE} or {@value #FINAL}, and a {@value #LIVE} one
 * at most once more as {@value #WITHDRAWN}.
 */
public class LiveMomentRow {
    /** Found by a provisional review while the session runs, and settled. */
    public static final String LIVE = "live";
    /** Found by the final review and not sent live. */
    public static final String FINAL = "final";
    /** Sent live, but the final review has no moment of that identity. */
    public static final String WITHDRAWN = "withdrawn";

    public String sessionId;
    /** As {@link MomentRow#kind}: {@code anxiety_episode}, {@code missed_opportunity}, {@code rupture}, ... */
    public String kind;
    /** As {@link MomentRow#role}: {@code client}, {@code therapist} or {@code dyad}. */
    public String role;
    /** Start, seconds from media start (second 0 of the session video). */
    public double startS;
    /** End, seconds from media start. */
    public double endS;
    /** Absolute start, epoch milliseconds (UTC). */
    public long startMillis;
    /** As {@link MomentRow#severity}: higher = more salient, on the scale of the kind. */
    public double severity;
    /** As {@link MomentRow#evidence}: short readable text. */
    public String evidence;
    /** {@value #LIVE}, {@value #FINAL} or {@value #WITHDRAWN}. */
    public String phase;
    /**
     * Session time at which the record became known, seconds from media start: the data horizon
     * of the provisional review for {@value #LIVE}; the session end for {@value #FINAL} and
     * {@value #WITHDRAWN} (its duration, or the end of its data when that is later).
     */
    public double knownAtS;
    /**
     * Wall-clock time, epoch ms, at which the input that produced this record arrived: the Kafka
     * record timestamp of the message that completed the window whose arrival triggered the
     * provisional review ({@value #LIVE}), or of the message that ended the session ({@value
     * #FINAL}, {@value #WITHDRAWN}: its {@code session_end}, or the silence timer's time). The
     * output record's receive time minus this is the moment's processing latency. 0 when unknown
     * (in a review of files).
     */
    public long arrivalMillis;

    public LiveMomentRow() {}

    /** A record with the values of {@code m} (a withdrawn record carries the values it was sent with). */
    public static LiveMomentRow of(MomentRow m, String phase, double knownAtS) {
        LiveMomentRow r = new LiveMomentRow();
        r.sessionId = m.sessionId;
        r.kind = m.kind;
        r.role = m.role;
        r.startS = m.startS;
        r.endS = m.endS;
        r.startMillis = m.startMillis;
        r.severity = m.severity;
        r.evidence = m.evidence;
        r.phase = phase;
        r.knownAtS = knownAtS;
        return r;
    }

    /** The same moment under another phase and horizon (a sent record becoming withdrawn). */
    public LiveMomentRow as(String newPhase, double newKnownAtS) {
        LiveMomentRow r = new LiveMomentRow();
        r.sessionId = sessionId;
        r.kind = kind;
        r.role = role;
        r.startS = startS;
        r.endS = endS;
        r.startMillis = startMillis;
        r.severity = severity;
        r.evidence = evidence;
        r.phase = newPhase;
        r.knownAtS = newKnownAtS;
        r.arrivalMillis = arrivalMillis;
        return r;
    }

    @Override
    public String toString() {
        return "LiveMomentRow{" + sessionId + " " + phase + "@" + knownAtS + " " + kind + "/" + role + " " + startS
                + "-" + endS + " sev=" + severity + "}";
    }
}
