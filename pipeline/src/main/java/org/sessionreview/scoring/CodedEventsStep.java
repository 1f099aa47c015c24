package org.sessionreview.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sessionreview.config.RuptureConfig;
import org.sessionreview.config.SynchronyConfig;
import org.sessionreview.model.Annotation;
import org.sessionreview.model.Role;
import org.sessionreview.model.SessionInfo;
import org.sessionreview.model.WindowFeatures;
import org.sessionreview.report.MomentRow;
import org.sessionreview.report.RuptureRow;
import org.sessionreview.report.SessionRow;
import org.sessionreview.report.SynchronyRow;
import org.sessionreview.scoring.opportunity.CodedEventReview;
import org.sessionreview.scoring.rupture.RuptureEpisode;
import org.sessionreview.scoring.rupture.RuptureOutcome;
import org.sessionreview.signal.synchrony.SynchronyDrop;
import org.sessionreview.signal.synchrony.SynchronyWindow;
import org.sessionreview.taxonomy.RuptureClass;

/**
 * Joins a session's coded events with its physiology (DOMAIN.md sections 3 and 5): rupture
 * episodes with the client's arousal around them, missed opportunities, safety events and the
 * ISTDP pressure overlay ({@link CodedEventReview}); synchrony windows overlapping an open rupture
 * are marked, and a synchrony drop after an unaddressed rupture becomes a {@code synchrony_drop}
 * moment worded as supporting context, never as a rupture detector (Deres-Cohen et al. 2021).
 * The session's priority and reasons follow {@link
 * org.sessionreview.scoring.opportunity.CodedReviewPriority}: safety first, then unaddressed
 * ruptures, missed opportunities, then anxiety burden.
 */
public final class CodedEventsStep {
    /** Seconds around a rupture episode in which the client's arousal is read. */
    static final double AROUSAL_MARGIN_S = 30;
    /**
     * Seconds after an unaddressed rupture in which synchrony is compared with the reference of
     * {@code synchrony.drop.reference} (the rest of the session by default).
     */
    static final double DROP_SPAN_S = 300;

    /** What the step adds: moments, rupture rows, segment rows. */
    public record Result(List<MomentRow> moments, List<RuptureRow> ruptures, CodedEventReview review) {}

    private CodedEventsStep() {}

    /**
     * The synchrony windows centred in the video ({@code durationS} seconds; all of them when it
     * is not positive): a band recording on after the video would otherwise feed the drop's
     * reference with time the video does not hold.
     */
    static List<SynchronyWindow> inVideo(List<SynchronyWindow> windows, double durationS) {
        if (!(durationS > 0)) {
            return windows;
        }
        return windows.stream()
                .filter(w -> (w.startS() + w.endS()) / 2 < durationS)
                .toList();
    }

    /**
     * Marks the synchrony windows that overlap a rupture episode. A method of its own so that the
     * JIT compiles this loop alone, not {@link #apply} on stack around it (as for the per-wearer
     * steps, docs/performance-history.md, 2026-12-06).
     */
    private static void markDuringRupture(List<SynchronyRow> windows, List<RuptureEpisode> episodes) {
        for (SynchronyRow s : windows) {
            s.duringRupture = episodes.stream().anyMatch(e -> s.startS < e.endS() && s.endS > e.startS());
        }
    }

    /**
     * Runs the coded-event rules, updates {@code row} (priority, flag reasons, flagged) and marks
     * {@code synchronyRows} that overlap a rupture episode.
     */
    public static Result apply(
            SessionInfo info,
            SessionReview review,
            List<Annotation> annotations,
            DyadSynchrony.Result synchrony,
            SessionRow row,
            RuptureConfig ruptureCfg,
            SynchronyConfig syncCfg) {
        List<WindowFeatures> client = review.scoredWindows().stream()
                .filter(w -> "client".equals(w.role))
                .toList();
        CodedEventReview coded = CodedEventReview.review(
                info.sessionId,
                info.mediaStartMillis,
                info.durationS,
                annotations,
                review.episodes(Role.CLIENT),
                DataRuns.of(client),
                row.priority,
                ruptureCfg);
        List<RuptureRow> ruptures = new ArrayList<>();
        for (RuptureRow r : coded.ruptureRows()) {
            ruptures.add(
                    r.withClientArousalZ(peakIndex(client, r.startS - AROUSAL_MARGIN_S, r.endS + AROUSAL_MARGIN_S)));
        }
        markDuringRupture(synchrony.windows(), coded.episodes());
        List<MomentRow> moments = new ArrayList<>(coded.moments());
        for (RuptureEpisode e : coded.episodes()) {
            if (e.outcome() != RuptureOutcome.UNADDRESSED || synchrony.raw().isEmpty()) {
                continue;
            }
            // the span after the episode, cut at the video's end: what lies beyond cannot be
            // watched and is not the session's time (as VideoRange cuts episodes)
            double dropEnd =
                    info.durationS > 0 ? Math.min(e.endS() + DROP_SPAN_S, info.durationS) : e.endS() + DROP_SPAN_S;
            if (!(dropEnd > e.endS())) {
                continue;
            }
            SynchronyDrop.Result drop = SynchronyDrop.compare(
                    inVideo(synchrony.raw(), info.durationS),
                    List.of(new SynchronyDrop.Interval(e.endS(), dropEnd)),
                    SynchronyDrop.Reference.valueOf(syncCfg.dropReference().name()),
                    syncCfg);
            if (drop.compared() && drop.lower()) {
                MomentRow m = new MomentRow();
                m.sessionId = info.sessionId;
                m.kind = "synchrony_drop";
                m.role = "dyad";
                m.startS = e.endS();
                m.endS = dropEnd;
                m.startMillis = info.mediaStartMillis + Math.round(m.startS * 1000);
                m.severity = Math.abs(drop.effectSize());
                m.evidence = String.format(Locale.ROOT, "after unaddressed rupture %s: %s", e.id(), drop.wording());
                moments.add(m);
            }
        }
        row.safetyEvents = coded.safety().size();
        List<RuptureEpisode> eps = coded.episodes();
        row.rupturesWithdrawal = (int)
                eps.stream().filter(e -> e.ruptureClass() == RuptureClass.W).count();
        row.rupturesConfrontation = (int)
                eps.stream().filter(e -> e.ruptureClass() == RuptureClass.C).count();
        row.rupturesResolved = count(eps, RuptureOutcome.RESOLVED);
        row.rupturesPartial = count(eps, RuptureOutcome.PARTIALLY_RESOLVED);
        row.rupturesUnaddressed = count(eps, RuptureOutcome.UNADDRESSED);
        row.rupturesEscalated = count(eps, RuptureOutcome.ESCALATED);
        double[] toRepair = eps.stream()
                .filter(e -> e.timeToFirstRepairS() != null)
                .mapToDouble(RuptureEpisode::timeToFirstRepairS)
                .toArray();
        row.medianTimeToRepairS = toRepair.length == 0
                ? null
                : new org.apache.commons.math3.stat.descriptive.rank.Median().evaluate(toRepair);
        // voiced triggers only: physiology-only ones are the lower-confidence unvoiced_arousal moments
        // a video not coded says nothing about responses or markers: unknown, not none
        boolean uncoded = annotations.isEmpty();
        row.missedOpportunities = uncoded
                ? null
                : (int) coded.opportunities().stream()
                        .filter(o -> o.missed() && o.voiced())
                        .count();
        row.segmentsWithWithdrawalShare = uncoded ? null : coded.summary().shareSegmentsWithW();
        row.segmentsWithConfrontationShare = uncoded ? null : coded.summary().shareSegmentsWithC();
        row.resolutionRatio = coded.summary().resolutionRatio();
        row.missedOpportunitySensitivity = uncoded
                ? null
                : coded.sensitivity().stream()
                        .map(w -> String.format(
                                Locale.ROOT, "%.0fs=%d/%d", w.windowS(), w.missedOpportunities(), w.opportunities()))
                        .collect(java.util.stream.Collectors.joining(";"));
        row.priority = coded.priority();
        List<String> reasons = new ArrayList<>(coded.reasons());
        boolean codedUnvoiced = reasons.stream().anyMatch(r -> r.contains("unvoiced-arousal"));
        for (String r : row.flagReasons) {
            // the coded rules already name unanswered physiology-only onsets; say it once
            if (!(codedUnvoiced && r.endsWith("(unvoiced arousal)"))) {
                reasons.add(r);
            }
        }
        row.flagReasons = reasons;
        row.flagged = row.flagged || !coded.reasons().isEmpty();
        return new Result(moments, ruptures, coded);
    }

    private static int count(List<RuptureEpisode> eps, RuptureOutcome o) {
        return (int) eps.stream().filter(e -> e.outcome() == o).count();
    }

    private static Double peakIndex(List<WindowFeatures> windows, double fromS, double toS) {
        Double peak = null;
        for (WindowFeatures w : windows) {
            if (w.anxietyIndex != null && w.startS < toS && w.endS > fromS) {
                peak = peak == null ? w.anxietyIndex : Math.max(peak, w.anxietyIndex);
            }
        }
        return peak;
    }
}
