package org.sessionreview.scoring.opportunity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.sessionreview.config.RuptureConfig;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Role;
import org.sessionreview.scoring.AnxietyEpisode;
import org.sessionreview.scoring.DataRuns;
import org.sessionreview.scoring.rupture.Actors;
import org.sessionreview.scoring.rupture.CodedEvent;
import org.sessionreview.scoring.rupture.CodedText;
import org.sessionreview.scoring.rupture.CodedTimes;
import org.sessionreview.scoring.rupture.RuptureEpisodes;
import org.sessionreview.taxonomy.CanonicalCode;
import org.sessionreview.taxonomy.CodeTaxonomy;
import org.sessionreview.taxonomy.Family;

/**
 * The missed-therapeutic-opportunity rule of DOMAIN.md section 5 [proposal; defaults in
 * brackets, see {@link RuptureConfig}]. Candidates for supervision, never verdicts.
 *
 * <p><b>Triggers.</b> (a) the onset of a client {@link AnxietyEpisode}; (b) a coded client cue:
 * {@code ANX_*} with intensity &gt;= {@code minCueIntensity} [2] (or no intensity coded), {@code
 * AFF_CUE}, {@code AFF_CONCERN}. Rupture markers are not triggers (they go through the
 * rupture-repair rules). Triggers before {@code settleS} [120 s] are dropped (sensor settling),
 * and so is an episode onset with less than {@code settleS} of the client's data before it in its
 * {@link DataRuns} run (a wristband started late or restarted, a gap in its files: the sensor
 * settles again, and a change that began in the gap shows only where the data resume), as are
 * episode onsets inside a coded {@code ARTIFACT} stretch and coded cues overlapping one (DOMAIN.md
 * 5: "Exclude triggers that overlap artifacts"; such a cue still voices an episode). A session without any accepted annotation
 * (its video not coded, or every coded event rejected) has no opportunity at all: nothing says
 * whether the therapist responded.
 *
 * <p><b>Response windows.</b> (a) [onset - {@code episodeLookbackS} [10], onset + {@code
 * episodeResponseS} [30]] (a physiological onset lags the visible cue the therapist may already
 * be answering); (b) [t, t + {@code cueResponseS} [10]], or, with {@code useTurns} [true] and a
 * coded client turn {@code TURN_CL} containing t, [t, turn end + {@code turnGraceS} [5]]
 * (VR-CoDES "next turn"). One opportunity per episode onset: the coded cue triggers starting in
 * its window belong to it (the same moment seen twice, listed once) and widen its window to cover
 * theirs. Other cue triggers are opportunities of their own, each with its own window.
 *
 * <p><b>Classification.</b> Each trigger is judged in its own window: therapist codes overlapping
 * it are classified by {@link ResponseClass#classify} and the best class present wins (explicit
 * space, then deliberate silence, then reducing space; none gives {@code no_response}). The best
 * class, rather than the first, because coded responses are sparse points and the longer episode
 * windows ask whether the therapist made room for the feeling at all; it keeps the flag
 * conservative. An episode's opportunity takes the least space-providing of its triggers' classes:
 * a cue in the episode's window that has no response in its own window (the VR-CoDES
 * "immediately following" response) is missed even when the therapist answers the arousal later
 * in the episode's window, and an episode whose window has no response is missed even when a
 * later cue of it is answered.
 *
 * <p><b>Missed</b> = {@code no_response} or {@code responded_reducing_space}. A missed
 * opportunity is {@code missed_opportunity} when voiced (a coded cue, or an episode with a coded
 * ANX_* / AFF_CUE / AFF_CONCERN overlapping [onset - {@code voicedCueLookbackS} [30], end]) and
 * {@code unvoiced_arousal} (lower confidence) when the trigger is physiology only. Answered
 * opportunities are kept in {@link #find}'s result (they are research data) but make no moment.
 *
 * <p>References: Zimmermann et al. 2011 (VR-CoDES cues and concerns); Del Piccolo et al. 2011
 * (VR-CoDES-P responses); Suchman et al. 1997; Levinson, Gorawara-Bhat &amp; Lamb 2000.
 */
public final class MissedOpportunities {
    private MissedOpportunities() {}

    /** Window lengths of one evaluation. */
    private record Windows(double episodeLookbackS, double episodeResponseS, double cueResponseS, boolean useTurns) {}

    /**
     * Every opportunity of the session, answered or not, ordered by window start then trigger.
     *
     * @param annotations the session's annotations, any order
     * @param anxietyEpisodes anxiety episodes; only the client's are used
     * @param clientData the stretches with client data ({@link DataRuns#of} the client's windows)
     */
    public static List<Opportunity> find(
            List<Annotation> annotations,
            List<AnxietyEpisode> anxietyEpisodes,
            DataRuns clientData,
            RuptureConfig cfg) {
        Objects.requireNonNull(cfg, "cfg");
        return evaluate(
                annotations,
                anxietyEpisodes,
                clientData,
                cfg,
                new Windows(cfg.episodeLookbackS(), cfg.episodeResponseS(), cfg.cueResponseS(), cfg.useTurns()));
    }

    /** The missed ones of {@code opportunities}, in the given order. */
    public static List<Opportunity> missed(List<Opportunity> opportunities) {
        return opportunities.stream().filter(Opportunity::missed).toList();
    }

    /**
     * The counts at each of {@code sensitivityWindowsS} [5, 10, 20, 30 s], in that order: the
     * post-trigger window of both trigger kinds is set to the value, the episode lookback stays,
     * coded turns are not used (so the window length is the only thing that varies). Voiced and
     * physiology-only opportunities are counted apart, as {@code missed_opportunity} and {@code
     * unvoiced_arousal} are.
     */
    public static List<WindowSensitivity> sensitivity(
            List<Annotation> annotations,
            List<AnxietyEpisode> anxietyEpisodes,
            DataRuns clientData,
            RuptureConfig cfg) {
        List<WindowSensitivity> out = new ArrayList<>();
        for (double w : cfg.sensitivityWindowsS()) {
            List<Opportunity> ops = evaluate(
                    annotations, anxietyEpisodes, clientData, cfg, new Windows(cfg.episodeLookbackS(), w, w, false));
            int voiced = 0;
            int missed = 0;
            int unvoiced = 0;
            for (Opportunity o : ops) {
                voiced += o.voiced() ? 1 : 0;
                if (o.missed()) {
                    missed += o.voiced() ? 1 : 0;
                    unvoiced += o.voiced() ? 0 : 1;
                }
            }
            out.add(new WindowSensitivity(w, voiced, missed, ops.size() - voiced, unvoiced));
        }
        return out;
    }

    private static List<Opportunity> evaluate(
            List<Annotation> annotations,
            List<AnxietyEpisode> anxietyEpisodes,
            DataRuns clientData,
            RuptureConfig cfg,
            Windows w) {
        if (annotations.isEmpty()) {
            return List.of(); // the video was not coded: no response can be judged
        }
        List<Annotation> sorted = RuptureEpisodes.sortedByStart(annotations);
        List<Annotation> cueTriggers = new ArrayList<>();
        List<Annotation> voicing = new ArrayList<>();
        List<Annotation> artifacts = new ArrayList<>();
        List<Annotation> turns = new ArrayList<>();
        List<Annotation> responses = new ArrayList<>();
        for (Annotation a : sorted) {
            if (is(a, CanonicalCode.ARTIFACT)) {
                artifacts.add(a);
            } else if (is(a, CanonicalCode.TURN_CL)) {
                turns.add(a);
            } else if (Actors.isTherapist(a) && ResponseClass.classify(a.code).isPresent()) {
                responses.add(a);
            } else if (Actors.isClient(a) && isCue(a)) {
                voicing.add(a);
                boolean strongEnough = !isAnx(a) || a.significance == null || a.significance >= cfg.minCueIntensity();
                if (strongEnough && a.startS >= cfg.settleS()) {
                    cueTriggers.add(a);
                }
            }
        }
        // DOMAIN.md 5: "Exclude triggers that overlap artifacts": a coded cue overlapping a coded
        // ARTIFACT stretch (movement, cough, sensor off) is no trigger; it still voices an episode
        SpanIndex artifactIndex = new SpanIndex(artifacts);
        cueTriggers.removeIf(c -> artifactIndex.first(
                        c.startS, c.endOrStartS(), a -> a.startS <= c.endOrStartS() && a.endOrStartS() >= c.startS)
                != null);
        List<AnxietyEpisode> episodes = new ArrayList<>();
        for (AnxietyEpisode e : anxietyEpisodes) {
            if (e.role() == Role.CLIENT
                    && e.startS() >= cfg.settleS()
                    && clientData.dataBefore(e.startS()) >= cfg.settleS()
                    && artifactIndex.first(
                                    e.startS(),
                                    e.startS(),
                                    a -> a.startS <= e.startS() && a.endOrStartS() >= e.startS())
                            == null) {
                episodes.add(e);
            }
        }
        episodes.sort(Comparator.comparingDouble(AnxietyEpisode::startS).thenComparingDouble(AnxietyEpisode::endS));
        List<Opportunity> out = new ArrayList<>();
        List<Annotation> free = new ArrayList<>(cueTriggers);
        SpanIndex responseIndex = new SpanIndex(responses);
        SpanIndex turnIndex = new SpanIndex(turns);
        for (AnxietyEpisode e : episodes) {
            double from = e.startS() - w.episodeLookbackS();
            double to = e.startS() + w.episodeResponseS();
            List<CodedEvent> own = new ArrayList<>();
            double end = to;
            ResponseClass worst = best(responseIndex, from, to);
            double judgedFrom = from;
            double judgedTo = to;
            String judged = "the onset";
            for (int i = 0; i < free.size(); i++) {
                Annotation c = free.get(i);
                if (CodedTimes.notBefore(c.startS, from) && CodedTimes.notAfter(c.startS, to)) {
                    own.add(CodedEvent.of(c));
                    double cueEnd = cueWindowEnd(c, turnIndex, w, cfg);
                    end = Math.max(end, cueEnd);
                    ResponseClass cue = best(responseIndex, c.startS, cueEnd);
                    if (cue.compareTo(worst) > 0) {
                        worst = cue;
                        judgedFrom = c.startS;
                        judgedTo = cueEnd;
                        judged = CodedText.atList(List.of(CodedEvent.of(c)));
                    }
                    free.remove(i--);
                }
            }
            List<CodedEvent> voices = new ArrayList<>();
            for (Annotation v : voicing) {
                if (v.startS <= e.endS()
                        && CodedTimes.notBefore(v.endOrStartS(), e.startS() - cfg.voicedCueLookbackS())) {
                    voices.add(CodedEvent.of(v));
                }
            }
            out.add(new Opportunity(
                    e.startS(),
                    e.endS(),
                    own,
                    voices,
                    from,
                    end,
                    within(responseIndex, from, end),
                    worst,
                    judgedFrom,
                    judgedTo,
                    judged));
        }
        for (Annotation c : free) {
            List<CodedEvent> cue = List.of(CodedEvent.of(c));
            double end = cueWindowEnd(c, turnIndex, w, cfg);
            out.add(new Opportunity(
                    null,
                    null,
                    cue,
                    cue,
                    c.startS,
                    end,
                    within(responseIndex, c.startS, end),
                    best(responseIndex, c.startS, end),
                    c.startS,
                    end,
                    CodedText.atList(cue)));
        }
        out.sort(Comparator.comparingDouble(Opportunity::windowStartS)
                .thenComparingDouble(Opportunity::triggerS)
                .thenComparingDouble(Opportunity::windowEndS));
        return out;
    }

    /** The responses overlapping [fromS, toS], in start order. */
    private static List<CodedEvent> within(SpanIndex responses, double fromS, double toS) {
        List<CodedEvent> in = new ArrayList<>();
        responses.forEach(fromS, toS, r -> overlaps(r, fromS, toS), r -> in.add(CodedEvent.of(r)));
        return in;
    }

    private static boolean overlaps(Annotation r, double fromS, double toS) {
        return CodedTimes.notAfter(r.startS, toS) && CodedTimes.notBefore(r.endOrStartS(), fromS);
    }

    /** The most space-providing class among the responses overlapping [fromS, toS]. */
    private static ResponseClass best(SpanIndex responses, double fromS, double toS) {
        ResponseClass[] best = {ResponseClass.NO_RESPONSE};
        responses.forEach(fromS, toS, r -> overlaps(r, fromS, toS), r -> {
            ResponseClass c = ResponseClass.classify(r.code).orElseThrow();
            best[0] = c.compareTo(best[0]) < 0 ? c : best[0];
        });
        return best[0];
    }

    private static double cueWindowEnd(Annotation cue, SpanIndex turns, Windows w, RuptureConfig cfg) {
        if (w.useTurns()) {
            Annotation t = turns.first(
                    cue.startS,
                    cue.startS,
                    x -> Actors.isClient(x) && x.startS <= cue.startS && x.endOrStartS() >= cue.startS);
            if (t != null) {
                return t.endOrStartS() + cfg.turnGraceS();
            }
        }
        return cue.startS + w.cueResponseS();
    }

    private static boolean isCue(Annotation a) {
        return CodeTaxonomy.isClientCue(a.code);
    }

    private static boolean isAnx(Annotation a) {
        return CodeTaxonomy.family(a.code).filter(f -> f == Family.ANX).isPresent();
    }

    private static boolean is(Annotation a, CanonicalCode code) {
        return CodeTaxonomy.lookup(a.code).filter(c -> c == code).isPresent();
    }
}
