package org.sessionreview.scoring.rupture;

import java.util.Comparator;
import java.util.List;
import org.sessionreview.report.MomentRow;

/**
 * Kinds, severity scale and order of the {@link MomentRow}s made from coded events. Every such
 * moment is a candidate for review in supervision, never a verdict; the evidence names codes and
 * video times ({@code mm:ss}).
 *
 * <p><b>Severity</b> (higher = more salient), on a 1-5 scale close to the 3RS significance scale
 * so that rupture moments can carry the coder's own rating:
 *
 * <table>
 *   <caption>severity by kind</caption>
 *   <tr><th>kind</th><th>severity</th></tr>
 *   <tr><td>{@value #SAFETY}</td><td>5 without a therapist response coded in the safety
 *       window, 4 with one</td></tr>
 *   <tr><td>{@value #RUPTURE}, {@value #UNADDRESSED_RUPTURE}</td><td>the episode's highest
 *       coded marker significance (1-5); 3 (the scale's midpoint) when none is coded</td></tr>
 *   <tr><td>{@value #PRESSURE_ABOVE_THRESHOLD}</td><td>highest coded cue intensity (1-3) + 1;
 *       3 when none is coded</td></tr>
 *   <tr><td>{@value #MISSED_OPPORTUNITY}</td><td>3 for an explicit concern (AFF_CONCERN) or a
 *       voiced anxiety-episode onset; a coded ANX_* cue's intensity (2-3; 2 when uncoded);
 *       2 for an AFF_CUE. The highest over the opportunity's triggers.</td></tr>
 *   <tr><td>{@value #UNVOICED_AROUSAL}</td><td>1 (physiology only: lower confidence)</td></tr>
 * </table>
 *
 * Note that {@code anxiety_episode} moments use another scale (the peak anxiety index).
 */
public final class CodedMoments {
    /** A safety event (SAFE_*), always surfaced. */
    public static final String SAFETY = "safety";
    /** A rupture episode with a repair attempt. */
    public static final String RUPTURE = "rupture";
    /** A rupture episode without a repair attempt. */
    public static final String UNADDRESSED_RUPTURE = "unaddressed_rupture";
    /** A client cue or voiced anxiety onset with no space-providing response. */
    public static final String MISSED_OPPORTUNITY = "missed_opportunity";
    /** An anxiety-episode onset without a coded cue, with no space-providing response. */
    public static final String UNVOICED_AROUSAL = "unvoiced_arousal";
    /** Pressure to feeling after an above-threshold anxiety cue (ISTDP). */
    public static final String PRESSURE_ABOVE_THRESHOLD = "pressure_above_threshold";

    /** The kinds in review order: safety first, then unaddressed ruptures, and so on. */
    public static final List<String> KINDS_IN_REVIEW_ORDER = List.of(
            SAFETY, UNADDRESSED_RUPTURE, MISSED_OPPORTUNITY, PRESSURE_ABOVE_THRESHOLD, RUPTURE, UNVOICED_AROUSAL);

    /**
     * Moment order: start, then kind in review order (unknown kinds last), then end, role and
     * evidence, so that equal inputs always give the same order.
     */
    public static final Comparator<MomentRow> ORDER = Comparator.comparingDouble((MomentRow m) -> m.startS)
            .thenComparingInt(m -> rank(m.kind))
            .thenComparingDouble(m -> m.endS)
            .thenComparing(m -> m.role, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(m -> m.evidence, Comparator.nullsFirst(Comparator.naturalOrder()));

    private CodedMoments() {}

    /**
     * A moment row; {@code startMillis} = {@code mediaStartMillis} + {@code startS} in ms
     * (rounded).
     */
    public static MomentRow moment(
            String sessionId,
            long mediaStartMillis,
            String kind,
            String role,
            double startS,
            double endS,
            double severity,
            String evidence) {
        MomentRow m = new MomentRow();
        m.sessionId = sessionId;
        m.kind = kind;
        m.role = role;
        m.startS = startS;
        m.endS = Math.max(startS, endS);
        m.startMillis = mediaStartMillis + Math.round(startS * 1000.0);
        m.severity = severity;
        m.evidence = evidence;
        return m;
    }

    private static int rank(String kind) {
        int i = KINDS_IN_REVIEW_ORDER.indexOf(kind);
        return i < 0 ? KINDS_IN_REVIEW_ORDER.size() : i;
    }
}
