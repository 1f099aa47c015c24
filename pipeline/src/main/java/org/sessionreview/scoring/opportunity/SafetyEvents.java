package org.sessionreview.scoring.opportunity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sessionreview.config.RuptureConfig;
import org.sessionreview.model.Annotation;
import org.sessionreview.report.MomentRow;
import org.sessionreview.scoring.rupture.Actors;
import org.sessionreview.scoring.rupture.CodedEvent;
import org.sessionreview.scoring.rupture.CodedMoments;
import org.sessionreview.scoring.rupture.CodedText;
import org.sessionreview.scoring.rupture.CodedTimes;
import org.sessionreview.scoring.rupture.RuptureEpisodes;
import org.sessionreview.taxonomy.CodeTaxonomy;
import org.sessionreview.taxonomy.Family;

/**
 * Safety events (DOMAIN.md 2.7): every {@code SAFE_*} annotation, and every client {@code ANX_CPD}
 * at intensity 3 or lasting over 30 s ({@code SAFE_SEVERE_DISSOCIATION}, as 2.7 defines it, unless
 * a coded one overlaps it), whatever its actor and time
 * (no settling exclusion, never merged or suppressed), becomes a {@code safety} moment. Each
 * needs a therapist response code, any {@code INT_*} or {@code RES_*} starting in [t, t + {@code
 * safetyResponseS} [60 s]]; without one the evidence says so and the session goes to the top of
 * the review order ({@link CodedReviewPriority}); when the video ends before the window does, the
 * evidence says that the missing response could not be observed. Only coded events are used
 * here: a physiological alert is a "sensor alert", not a safety event.
 */
public final class SafetyEvents {
    private SafetyEvents() {}

    /** The session's safety events in time order (ties in list order), every window observed whole. */
    public static List<SafetyEvent> find(List<Annotation> annotations, RuptureConfig cfg) {
        return find(annotations, Double.POSITIVE_INFINITY, cfg);
    }

    /**
     * The session's safety events in time order (ties in list order).
     *
     * @param codedEndS where the coded video ends, seconds from media start: a response window
     *     reaching past it is observed only up to it
     */
    public static List<SafetyEvent> find(List<Annotation> annotations, double codedEndS, RuptureConfig cfg) {
        Objects.requireNonNull(cfg, "cfg");
        List<Annotation> sorted = RuptureEpisodes.sortedByStart(annotations);
        List<SafetyEvent> out = new ArrayList<>();
        List<Annotation> codedSevere = new ArrayList<>();
        for (Annotation a : sorted) {
            if (SEVERE_DISSOCIATION.equals(a.code)) {
                codedSevere.add(a);
            }
        }
        for (Annotation a : sorted) {
            String derivedFrom = severeDissociation(a, codedSevere, cfg);
            if (!CodeTaxonomy.isSafety(a.code) && derivedFrom == null) {
                continue;
            }
            CodedEvent response = null;
            // from the first event starting with it: the window is [t, t + 60 s]
            for (int i = RuptureEpisodes.firstStartingAtOrAfter(sorted, a.startS); i < sorted.size(); i++) {
                Annotation r = sorted.get(i);
                if (CodedTimes.after(r.startS, a.startS + cfg.safetyResponseS())) {
                    break;
                }
                if (r.startS >= a.startS
                        && CodedTimes.notAfter(r.startS, a.startS + cfg.safetyResponseS())
                        && Actors.isTherapist(r)
                        && isResponse(r)) {
                    response = CodedEvent.of(r);
                    break;
                }
            }
            // a video ending exactly at the window's end observed all of it (160.003 - 100.003 is
            // 59.999999999999986 in binary: review of 2026-12-07)
            double observed = CodedTimes.notBefore(codedEndS - a.startS, cfg.safetyResponseS())
                    ? cfg.safetyResponseS()
                    : Math.max(0, codedEndS - a.startS);
            CodedEvent event = derivedFrom == null
                    ? CodedEvent.of(a)
                    : new CodedEvent(SEVERE_DISSOCIATION, a.startS, a.endOrStartS(), a.significance, a.modifiers);
            out.add(new SafetyEvent(
                    event, Actors.isTherapist(a) ? "therapist" : "client", response, observed, derivedFrom));
        }
        return out;
    }

    /** The safety code a severe dissociation is (DOMAIN.md 2.7). */
    static final String SEVERE_DISSOCIATION = "SAFE_SEVERE_DISSOCIATION";

    /**
     * DOMAIN.md 2.7: a client {@code ANX_CPD} at intensity {@code severeDissociationIntensity} [3]
     * or lasting over {@code severeDissociationS} [30 s] is {@code SAFE_SEVERE_DISSOCIATION}. Returns
     * what the code was ({@code ANX_CPD at intensity 3}, {@code ANX_CPD lasting 45 s}), or null when
     * {@code a} is no such event or a coded SAFE_SEVERE_DISSOCIATION overlaps it or lies within
     * {@code safetySameEventS} [10 s] of it (the coder surfaced it already: one event, not two).
     *
     * @param codedSevere the session's coded {@code SAFE_SEVERE_DISSOCIATION} events
     */
    static String severeDissociation(Annotation a, List<Annotation> codedSevere, RuptureConfig cfg) {
        if (!"ANX_CPD".equals(a.code) || !"client".equals(a.actor)) {
            return null;
        }
        double lasting = a.endOrStartS() - a.startS;
        String what;
        if (a.significance != null && a.significance >= cfg.severeDissociationIntensity()) {
            what = "ANX_CPD at intensity " + a.significance;
        } else if (CodedTimes.after(a.endOrStartS(), a.startS + cfg.severeDissociationS())) {
            what = "ANX_CPD lasting " + CodedText.seconds(lasting) + " s";
        } else {
            return null;
        }
        for (Annotation b : codedSevere) {
            double gap = cfg.safetySameEventS();
            if (CodedTimes.notAfter(b.startS, a.endOrStartS() + gap)
                    && CodedTimes.notAfter(a.startS, b.endOrStartS() + gap)) {
                return null;
            }
        }
        return what;
    }

    /** One {@code safety} moment per event; severity 5 without a response, 4 with one. */
    public static List<MomentRow> moments(
            String sessionId, long mediaStartMillis, List<SafetyEvent> events, RuptureConfig cfg) {
        List<MomentRow> out = new ArrayList<>();
        for (SafetyEvent e : events) {
            out.add(CodedMoments.moment(
                    sessionId,
                    mediaStartMillis,
                    CodedMoments.SAFETY,
                    e.role(),
                    e.event().startS(),
                    e.event().endS(),
                    e.responded() ? 4 : 5,
                    evidence(e, cfg)));
        }
        out.sort(CodedMoments.ORDER);
        return out;
    }

    /**
     * {@code safety event SAFE_SUICIDAL_IDEATION at 12:30 (client): no therapist response coded
     * within 60 s}, or {@code ...: therapist response coded within 60 s: INT_VALIDATION at
     * 12:41}, or, when the video ends sooner, {@code ...: no therapist response coded in the 5 s
     * before the video ends (a response within 60 s not observable)}.
     */
    public static String evidence(SafetyEvent e, RuptureConfig cfg) {
        String head = "safety event " + CodedText.at(e.event()) + " (" + e.role()
                + (e.derivedFrom() == null ? "" : "; coded as " + e.derivedFrom()) + "): ";
        String window = CodedText.seconds(cfg.safetyResponseS()) + " s";
        if (e.responded()) {
            return head + "therapist response coded within " + window + ": " + CodedText.at(e.response());
        }
        if (e.observedS() <= 0) {
            return head + "the video ends with it (a therapist response within " + window + " not observable)";
        }
        if (cutShort(e, cfg)) {
            return head + "no therapist response coded in the " + CodedText.seconds(e.observedS())
                    + " s before the video ends (a response within " + window + " not observable)";
        }
        return head + "no therapist response coded within " + window;
    }

    /** Whether the video ended before the event's response window did. */
    static boolean cutShort(SafetyEvent e, RuptureConfig cfg) {
        return CodedTimes.after(cfg.safetyResponseS(), e.observedS());
    }

    private static boolean isResponse(Annotation a) {
        return CodeTaxonomy.family(a.code)
                .filter(f -> f == Family.INT || f == Family.RES)
                .isPresent();
    }
}
