package org.sessionreview.jobs.report.svg;

import java.util.List;

/**
 * What a session's timeline shows, in seconds from media start: plain data for {@link
 * TimelineChart}, built from the review tables by the report's session view.
 *
 * @param durationS session length (the x axis runs 0..durationS), seconds
 * @param clientAnxiety client anxiety index per window (time = window middle)
 * @param therapistAnxiety therapist anxiety index per window
 * @param enterThreshold the anxiety index an episode starts above (the review's {@code
 *     scoring.episode.enter_threshold}), drawn as a reference line
 * @param channels the client's channel z-scores, one small panel each, in display order
 * @param synchrony EDA and heart-rate synchrony {@code z_lag0}, one small panel each
 * @param anxietyEpisodes client anxiety episodes
 * @param ruptures rupture episodes; {@link Band#kind()} is {@code W} or {@code C}
 * @param candidates candidate moments other than episodes (missed opportunities, unvoiced
 *     arousal, pressure above threshold, synchrony drops)
 * @param repairs coded repair strategies (RES_*)
 * @param interventions coded interventions (INT_*)
 * @param safety coded safety events (SAFE_*)
 * @param poorQuality masked stretches, one lane per wearer ({@link Series#name()} = lane label)
 * @param coded whether the session has any accepted annotation: the coded lanes of a video not
 *     coded say so instead of "none"
 */
public record Timeline(
        double durationS,
        Series clientAnxiety,
        Series therapistAnxiety,
        double enterThreshold,
        List<Series> channels,
        List<Series> synchrony,
        List<Band> anxietyEpisodes,
        List<Band> ruptures,
        List<Band> candidates,
        List<Mark> repairs,
        List<Mark> interventions,
        List<Mark> safety,
        List<BandLane> poorQuality,
        boolean coded) {

    /** A value at a time; {@code value} null = no value there (the line breaks). */
    public record Point(double t, Double value) {}

    /** A named line. */
    public record Series(String name, List<Point> points) {}

    /** A stretch: {@code label} is drawn on it, {@code title} is its tooltip, {@code kind} picks the pattern. */
    public record Band(double startS, double endS, String label, String title, String kind) {}

    /** A point event. */
    public record Mark(double t, String label, String title) {}

    /** A lane of unlabelled stretches. */
    public record BandLane(String name, List<Band> bands) {}
}
