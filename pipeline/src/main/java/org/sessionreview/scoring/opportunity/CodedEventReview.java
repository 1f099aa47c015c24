package org.sessionreview.scoring.opportunity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sessionreview.config.RuptureConfig;
import org.sessionreview.model.Annotation;
import org.sessionreview.report.MomentRow;
import org.sessionreview.report.RuptureRow;
import org.sessionreview.report.SegmentRow;
import org.sessionreview.scoring.AnxietyEpisode;
import org.sessionreview.scoring.DataRuns;
import org.sessionreview.scoring.rupture.CodedMoments;
import org.sessionreview.scoring.rupture.PressureAboveThreshold;
import org.sessionreview.scoring.rupture.PressureEvent;
import org.sessionreview.scoring.rupture.RuptureEpisode;
import org.sessionreview.scoring.rupture.RuptureEpisodes;
import org.sessionreview.scoring.rupture.RuptureSegment;
import org.sessionreview.scoring.rupture.RuptureSummary;
import org.sessionreview.scoring.rupture.SegmentRollup;

/**
 * Every coded-event rule over one session in one call, for a per-session operator that holds
 * the session's annotations and client anxiety episodes: rupture episodes and their rows, the
 * 3RS segments and summary, pressure above threshold, missed opportunities (with the window
 * sensitivity), safety events, the moments of all of them, and the coded review priority with
 * its flag reasons. Plain Java; deterministic (inputs in any order give the same outputs).
 */
public final class CodedEventReview {
    private final List<RuptureEpisode> episodes;
    private final List<RuptureRow> ruptureRows;
    private final List<RuptureSegment> segments;
    private final List<SegmentRow> segmentRows;
    private final RuptureSummary summary;
    private final List<PressureEvent> pressure;
    private final List<Opportunity> opportunities;
    private final List<WindowSensitivity> sensitivity;
    private final List<SafetyEvent> safety;
    private final CodedEventCounts counts;
    private final List<MomentRow> moments;
    private final double priority;
    private final List<String> reasons;

    private CodedEventReview(
            String sessionId,
            long mediaStartMillis,
            double sessionEndS,
            List<Annotation> annotations,
            List<AnxietyEpisode> anxietyEpisodes,
            DataRuns clientData,
            double anxietyBurden,
            RuptureConfig cfg) {
        // codes accepted in the tolerance after duration_s (AnnotationRange) were coded on the
        // video: the rupture rules' session runs to them, so no episode closes before its own codes
        // (the 3RS segments keep the session's own end)
        double codedEndS = sessionEndS;
        for (Annotation a : annotations) {
            if (a != null && Double.isFinite(a.endOrStartS())) {
                codedEndS = Math.max(codedEndS, a.endOrStartS());
            }
        }
        episodes = RuptureEpisodes.detect(annotations, codedEndS, cfg);
        ruptureRows = RuptureEpisodes.rows(sessionId, episodes);
        segments = SegmentRollup.rollup(annotations, sessionEndS, cfg);
        // a video not coded (no accepted annotation) has unknown markers, not 0 in every segment:
        // no segments/ rows, as its sessions.segments_with_*_share are null (CodedEventsStep)
        segmentRows = annotations.isEmpty() ? List.of() : SegmentRollup.rows(sessionId, segments);
        summary = SegmentRollup.summarize(segments, episodes);
        pressure = PressureAboveThreshold.find(annotations, cfg);
        opportunities = MissedOpportunities.find(annotations, anxietyEpisodes, clientData, cfg);
        sensitivity = MissedOpportunities.sensitivity(annotations, anxietyEpisodes, clientData, cfg);
        safety = SafetyEvents.find(annotations, codedEndS, cfg);
        counts = CodedEventCounts.of(safety, episodes, opportunities, pressure);
        List<MomentRow> all = new ArrayList<>();
        all.addAll(SafetyEvents.moments(sessionId, mediaStartMillis, safety, cfg));
        all.addAll(RuptureEpisodes.moments(sessionId, mediaStartMillis, episodes));
        all.addAll(OpportunityMoments.moments(sessionId, mediaStartMillis, opportunities));
        all.addAll(PressureAboveThreshold.moments(sessionId, mediaStartMillis, pressure));
        all.sort(CodedMoments.ORDER);
        moments = List.copyOf(all);
        priority = CodedReviewPriority.priority(counts, anxietyBurden, cfg);
        reasons = CodedReviewPriority.reasons(counts, cfg);
    }

    /**
     * Runs every rule.
     *
     * @param sessionId written into every row
     * @param mediaStartMillis second 0 of the session video, epoch ms (moments' startMillis)
     * @param sessionEndS session end, seconds from media start; a code that ends later (accepted in
     *     the tolerance after {@code duration_s}) moves it to that code's end for the rupture
     *     episodes (not for the 3RS segments)
     * @param annotations the session's annotations, any order; not modified
     * @param anxietyEpisodes the session's anxiety episodes (only the client's are used)
     * @param clientData the stretches with client data ({@link DataRuns#of} the client's windows)
     * @param anxietyBurden {@code ReviewPriority.priority} of the client's episodes (0 without)
     */
    public static CodedEventReview review(
            String sessionId,
            long mediaStartMillis,
            double sessionEndS,
            List<Annotation> annotations,
            List<AnxietyEpisode> anxietyEpisodes,
            DataRuns clientData,
            double anxietyBurden,
            RuptureConfig cfg) {
        Objects.requireNonNull(annotations, "annotations");
        Objects.requireNonNull(anxietyEpisodes, "anxietyEpisodes");
        Objects.requireNonNull(clientData, "clientData");
        Objects.requireNonNull(cfg, "cfg");
        return new CodedEventReview(
                sessionId, mediaStartMillis, sessionEndS, annotations, anxietyEpisodes, clientData, anxietyBurden, cfg);
    }

    /** Rupture episodes in {@link RuptureEpisodes#ORDER}. */
    public List<RuptureEpisode> episodes() {
        return List.copyOf(episodes);
    }

    /** {@code ruptures/} rows, one per episode, same order; mutable rows for the integrator. */
    public List<RuptureRow> ruptureRows() {
        return ruptureRows;
    }

    public List<RuptureSegment> segments() {
        return List.copyOf(segments);
    }

    /**
     * {@code segments/} rows in time order; none for a session without annotations (a video not
     * coded: its markers are unknown, not 0), while {@link #segments()} and {@link #summary()}
     * still cover it.
     */
    public List<SegmentRow> segmentRows() {
        return segmentRows;
    }

    public RuptureSummary summary() {
        return summary;
    }

    public List<PressureEvent> pressure() {
        return List.copyOf(pressure);
    }

    /** All opportunities, answered or not. */
    public List<Opportunity> opportunities() {
        return List.copyOf(opportunities);
    }

    public List<WindowSensitivity> sensitivity() {
        return List.copyOf(sensitivity);
    }

    public List<SafetyEvent> safety() {
        return List.copyOf(safety);
    }

    public CodedEventCounts counts() {
        return counts;
    }

    /** Every coded-event moment in {@link CodedMoments#ORDER}. */
    public List<MomentRow> moments() {
        return moments;
    }

    /** {@link CodedReviewPriority#priority}. */
    public double priority() {
        return priority;
    }

    /** {@link CodedReviewPriority#reasons}; put the anxiety reasons after these. */
    public List<String> reasons() {
        return List.copyOf(reasons);
    }
}
