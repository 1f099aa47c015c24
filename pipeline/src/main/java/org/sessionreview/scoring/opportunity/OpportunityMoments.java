package org.sessionreview.scoring.opportunity;

import java.util.ArrayList;
import java.util.List;
import org.sessionreview.report.MomentRow;
import org.sessionreview.scoring.rupture.CodedEvent;
import org.sessionreview.scoring.rupture.CodedMoments;
import org.sessionreview.scoring.rupture.CodedText;
import org.sessionreview.taxonomy.CanonicalCode;
import org.sessionreview.taxonomy.CodeTaxonomy;
import org.sessionreview.taxonomy.Family;

/**
 * Review moments for missed opportunities: {@code missed_opportunity} (voiced; role therapist,
 * whose response is to be reviewed) and {@code unvoiced_arousal} (physiology only, lower
 * confidence; role client). The moment spans the response window. Severity as in {@link
 * CodedMoments}.
 */
public final class OpportunityMoments {
    private OpportunityMoments() {}

    /** One moment per missed opportunity, in {@link CodedMoments#ORDER}. */
    public static List<MomentRow> moments(String sessionId, long mediaStartMillis, List<Opportunity> opportunities) {
        List<MomentRow> out = new ArrayList<>();
        for (Opportunity o : opportunities) {
            String kind = o.momentKind();
            if (kind == null) {
                continue;
            }
            boolean voiced = kind.equals(CodedMoments.MISSED_OPPORTUNITY);
            out.add(CodedMoments.moment(
                    sessionId,
                    mediaStartMillis,
                    kind,
                    voiced ? "therapist" : "client",
                    o.windowStartS(),
                    o.windowEndS(),
                    severity(o),
                    evidence(o)));
        }
        out.sort(CodedMoments.ORDER);
        return out;
    }

    /**
     * 1 for unvoiced arousal; else the highest over the triggers of 3 (AFF_CONCERN, voiced
     * episode onset), the ANX_* intensity (2 when uncoded), 2 (AFF_CUE).
     */
    public static double severity(Opportunity o) {
        if (!o.voiced()) {
            return 1;
        }
        double s = o.episodeOnsetS() != null ? 3 : 0;
        for (CodedEvent c : o.triggerCues()) {
            boolean anx =
                    CodeTaxonomy.family(c.code()).filter(f -> f == Family.ANX).isPresent();
            if (anx) {
                s = Math.max(s, c.significance() == null ? 2 : c.significance());
            } else {
                s = Math.max(s, c.code().equals(CanonicalCode.AFF_CONCERN.code()) ? 3 : 2);
            }
        }
        return s;
    }

    /**
     * E.g. {@code candidate missed opportunity: client AFF_CONCERN at 10:00; therapist response
     * in [10:00, 10:10] reduces space: INT_TOPIC_SHIFT at 10:04}, or {@code candidate unvoiced
     * arousal (physiology only, lower confidence): client anxiety episode onset at 10:10 with no
     * coded cue; no therapist response coded in [10:00, 10:40]}.
     */
    public static String evidence(Opportunity o) {
        StringBuilder sb = new StringBuilder(
                o.voiced()
                        ? "candidate missed opportunity: client "
                        : "candidate unvoiced arousal (physiology only, lower confidence): client ");
        if (o.episodeOnsetS() == null) {
            sb.append(CodedText.atList(o.triggerCues()));
        } else {
            sb.append("anxiety episode onset at ").append(CodedText.mmss(o.episodeOnsetS()));
            sb.append(o.voiced() ? " (coded cues: " + CodedText.atList(o.voicingCues()) + ")" : " with no coded cue");
        }
        String window = CodedText.window(o.windowStartS(), o.windowEndS());
        // an episode with cues is judged trigger by trigger: when a response lies outside the
        // window that decided it, name that window and what the whole window holds
        List<CodedEvent> inJudged = o.responses().stream()
                .filter(r -> r.startS() <= o.judgedToS() && r.endS() >= o.judgedFromS())
                .toList();
        boolean narrower = inJudged.size() < o.responses().size();
        String judged = narrower ? CodedText.window(o.judgedFromS(), o.judgedToS()) : window;
        String context = narrower
                ? " (the own window of " + o.judgedTrigger() + "; in " + window + ": " + CodedText.atList(o.responses())
                        + ")"
                : "";
        switch (o.response()) {
            case NO_RESPONSE ->
                sb.append("; no therapist response coded in ").append(judged).append(context);
            case RESPONDED_REDUCING_SPACE ->
                sb.append("; therapist response in ")
                        .append(judged)
                        .append(" reduces space: ")
                        .append(CodedText.atList(inJudged))
                        .append(context);
            default ->
                sb.append("; therapist response in ")
                        .append(window)
                        .append(" (")
                        .append(o.response().id())
                        .append("): ")
                        .append(CodedText.atList(o.responses()));
        }
        return sb.toString();
    }
}
