package org.sessionreview.jobs.report;

import java.util.List;

/**
 * What a session page shows (every value already text, ready for the template; the template
 * escapes each). Built by {@link SessionViews} from the tables of one consented session.
 *
 * @param header who, when, flag reasons, data quality
 * @param timelineSvg the timeline chart (markup made by {@link org.sessionreview.jobs.report.svg.TimelineChart}, escaped there)
 * @param moments the candidate moments in time order
 * @param ruptures rupture episodes in time order
 * @param rollup the 3RS session roll-up
 * @param segments the 5-minute segments with markers or repairs
 * @param coded the coded repair strategies, interventions and safety events
 * @param synchrony the session's synchrony summary
 * @param methods version, methods and parameters of the tables used
 */
public record SessionView(
        Header header,
        String timelineSvg,
        List<MomentLine> moments,
        List<RuptureLine> ruptures,
        Rollup rollup,
        List<SegmentLine> segments,
        List<CodedLine> coded,
        Synchrony synchrony,
        MethodsView methods) {

    /** The session's identity and summary. */
    public record Header(
            String sessionId,
            String page,
            String therapistId,
            String traineePage,
            String clientKey,
            String clientKeyShort,
            String clientPage,
            int sessionNumber,
            String date,
            String duration,
            boolean flagged,
            List<String> reasons,
            String qualityClient,
            String qualityTherapist,
            boolean lowClient,
            boolean lowTherapist,
            List<String> missingChannels,
            String baselineSource,
            String priority) {}

    /**
     * A candidate moment: {@code startUrl} and {@code endUrl} are video links (null without a URL
     * pattern); {@code startS} is the start in seconds (the fragment's value).
     */
    public record MomentLine(
            String kind,
            String kindText,
            String role,
            String start,
            String end,
            String startS,
            String startUrl,
            String endUrl,
            String severity,
            String evidence) {}

    /** A rupture episode. */
    public record RuptureLine(
            String episodeId,
            String classText,
            String start,
            String end,
            String startUrl,
            String outcome,
            String firstRepair,
            String timeToRepair,
            String strategies,
            String markers,
            String maxSignificance,
            String clientArousal) {}

    /**
     * The 3RS roll-up of the session (DOMAIN.md 3.6); {@code coded} is false for a session without
     * any accepted annotation (ruptures, repairs and missed opportunities were not judged).
     */
    public record Rollup(
            boolean coded,
            int withdrawal,
            int confrontation,
            int resolved,
            int partial,
            int unaddressed,
            int escalated,
            String resolutionRatio,
            String medianTimeToRepair,
            String segmentsWithW,
            String segmentsWithC,
            int pressureAboveThreshold,
            String missedSensitivity) {}

    /** A 5-minute segment. */
    public record SegmentLine(
            String span,
            int withdrawal,
            int confrontation,
            String maxW,
            String maxC,
            int repairs,
            String markerCounts) {}

    /** A coded event on the timeline (canonical code and actor only: labels and modifiers stay out). */
    public record CodedLine(String time, String url, String family, String code, String actor) {}

    /** Synchrony: the session values and the parameters they come from. */
    public record Synchrony(
            String es, String percentile, String aboveChance, String clientLeadsShare, String parameters) {}
}
