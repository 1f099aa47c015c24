package org.sessionreview.scoring.rupture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sessionreview.config.RuptureConfig;
import org.sessionreview.model.Annotation;
import org.sessionreview.report.MomentRow;
import org.sessionreview.taxonomy.CanonicalCode;
import org.sessionreview.taxonomy.CodeTaxonomy;

/**
 * The ISTDP overlay of DOMAIN.md section 3, rule 7: a client {@code ANX_CPD} or {@code ANX_MOT}
 * (anxiety discharging above the threshold of tolerance: cognitive-perceptual disruption or
 * motor conversion), then within {@code pressureWindowS} [30 s] a therapist {@code
 * INT_EXPLORE_FEELING} or {@code INT_CHALLENGE_DEFENSE} instead of {@code INT_REGULATE_ANXIETY}:
 * a rupture-risk moment in ISTDP terms, flagged {@code pressure_above_threshold} for review.
 *
 * <p><b>Rule.</b> For each cue starting at t, the first therapist code among those three that
 * starts in [t, t + window] decides (ties in list order): a pressure code flags the cue,
 * {@code INT_REGULATE_ANXIETY} clears it, none leaves it unflagged. Cues flagged by the same
 * intervention form one event, so a burst of cues answered by one pressure intervention counts
 * once; a second pressure intervention after the same cue is not counted again. Any coded
 * intensity qualifies; {@code ANX_SMO} is not part of the rule as written.
 *
 * <p>References: Abbass 2015, <i>Reaching Through Resistance</i>; Frederickson 2013,
 * <i>Co-Creating Change</i>; Abbass &amp; Town 2021.
 */
public final class PressureAboveThreshold {
    private static final Set<CanonicalCode> CUES = Set.of(CanonicalCode.ANX_CPD, CanonicalCode.ANX_MOT);
    private static final Set<CanonicalCode> PRESSURE =
            Set.of(CanonicalCode.INT_EXPLORE_FEELING, CanonicalCode.INT_CHALLENGE_DEFENSE);

    private PressureAboveThreshold() {}

    /** The session's pressure events, ordered by intervention time. */
    public static List<PressureEvent> find(List<Annotation> annotations, RuptureConfig cfg) {
        Objects.requireNonNull(cfg, "cfg");
        List<Annotation> sorted = RuptureEpisodes.sortedByStart(annotations);
        List<Annotation> responses = new ArrayList<>();
        for (Annotation a : sorted) {
            if (Actors.isTherapist(a) && (is(a, PRESSURE) || is(a, Set.of(CanonicalCode.INT_REGULATE_ANXIETY)))) {
                responses.add(a);
            }
        }
        Map<Annotation, List<CodedEvent>> byIntervention = new LinkedHashMap<>();
        for (Annotation cue : sorted) {
            if (!Actors.isClient(cue) || !is(cue, CUES)) {
                continue;
            }
            // the first response starting with the cue or after it, when inside the window
            int i = RuptureEpisodes.firstStartingAtOrAfter(responses, cue.startS);
            Annotation r = i < responses.size() ? responses.get(i) : null;
            if (r != null && !CodedTimes.after(r.startS, cue.startS + cfg.pressureWindowS()) && is(r, PRESSURE)) {
                byIntervention.computeIfAbsent(r, k -> new ArrayList<>()).add(CodedEvent.of(cue));
            }
        }
        List<PressureEvent> out = new ArrayList<>();
        for (Annotation r : responses) {
            if (byIntervention.containsKey(r)) {
                out.add(new PressureEvent(byIntervention.get(r), CodedEvent.of(r)));
            }
        }
        return out;
    }

    /** One {@code pressure_above_threshold} moment per event; role therapist. */
    public static List<MomentRow> moments(String sessionId, long mediaStartMillis, List<PressureEvent> events) {
        List<MomentRow> out = new ArrayList<>();
        for (PressureEvent e : events) {
            double severity = e.maxIntensity() == null ? 3 : e.maxIntensity() + 1;
            out.add(CodedMoments.moment(
                    sessionId,
                    mediaStartMillis,
                    CodedMoments.PRESSURE_ABOVE_THRESHOLD,
                    "therapist",
                    e.startS(),
                    e.endS(),
                    severity,
                    evidence(e)));
        }
        out.sort(CodedMoments.ORDER);
        return out;
    }

    /**
     * E.g. {@code candidate pressure above threshold: client ANX_CPD at 12:00 (intensity 3),
     * then therapist INT_EXPLORE_FEELING at 12:20, 20 s later, with no INT_REGULATE_ANXIETY
     * coded in between (ISTDP: regulate anxiety before pressing toward feeling)}.
     */
    public static String evidence(PressureEvent e) {
        List<String> cues = new ArrayList<>();
        for (CodedEvent c : e.cues()) {
            cues.add(CodedText.at(c) + (c.significance() == null ? "" : " (intensity " + c.significance() + ")"));
        }
        return "candidate pressure above threshold: client " + String.join(", ", cues)
                + ", then therapist " + CodedText.at(e.intervention()) + ", "
                + CodedText.seconds(e.latencyS()) + " s later, with no INT_REGULATE_ANXIETY "
                + "coded in between (ISTDP: regulate anxiety before pressing toward feeling)";
    }

    private static boolean is(Annotation a, Set<CanonicalCode> codes) {
        return CodeTaxonomy.lookup(a.code).filter(codes::contains).isPresent();
    }
}
