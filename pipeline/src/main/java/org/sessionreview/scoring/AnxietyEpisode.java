package org.sessionreview.scoring;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sessionreview.model.Role;

/**
 * A stretch of one wearer's session where the anxiety index stayed elevated (see {@link
 * EpisodeDetector}): a candidate moment for supervision, not a clinical finding. Times are
 * seconds from media start. Immutable.
 */
public final class AnxietyEpisode implements Serializable {
    private static final long serialVersionUID = 3L; // 2: silentLeftOut, 3: watchFromS

    private final Role role;
    private final double startS;
    private final double endS;
    private final double peakIndex;
    private final double peakS;
    private final int windowCount;
    private final EnumMap<Feature, Double> peakZ;
    private final EnumMap<Feature, Double> meanZ;
    private final EnumSet<Feature> silentLeftOut;
    /** Seconds from media start before which the episode cannot be watched (the video's start). */
    private final double watchFromS;

    /**
     * An episode whose concordance left no silent channel out ({@link #silentLeftOut} empty).
     *
     * @param peakZ per feature, the window z-score that went furthest in the anxiety direction
     *     (largest {@code sign * z}); features never scored inside the episode are absent
     * @param meanZ per feature, the mean z over the episode's windows where it was scored
     */
    public AnxietyEpisode(
            Role role,
            double startS,
            double endS,
            double peakIndex,
            double peakS,
            int windowCount,
            Map<Feature, Double> peakZ,
            Map<Feature, Double> meanZ) {
        this(role, startS, endS, peakIndex, peakS, windowCount, peakZ, meanZ, Set.of());
    }

    /**
     * As above, with the wearer's silent channels ({@link SilentChannels}) that the episode
     * detector left out of the concordance support of at least one of the episode's windows.
     */
    public AnxietyEpisode(
            Role role,
            double startS,
            double endS,
            double peakIndex,
            double peakS,
            int windowCount,
            Map<Feature, Double> peakZ,
            Map<Feature, Double> meanZ,
            Set<Feature> silentLeftOut) {
        this(role, startS, endS, peakIndex, peakS, windowCount, peakZ, meanZ, silentLeftOut, Double.NEGATIVE_INFINITY);
    }

    private AnxietyEpisode(
            Role role,
            double startS,
            double endS,
            double peakIndex,
            double peakS,
            int windowCount,
            Map<Feature, Double> peakZ,
            Map<Feature, Double> meanZ,
            Set<Feature> silentLeftOut,
            double watchFromS) {
        this.role = Objects.requireNonNull(role, "role");
        if (!(endS >= startS)) {
            throw new IllegalArgumentException("episode end " + endS + " before start " + startS);
        }
        this.startS = startS;
        this.endS = endS;
        this.peakIndex = peakIndex;
        this.peakS = peakS;
        this.windowCount = windowCount;
        this.peakZ = copy(peakZ);
        this.meanZ = copy(meanZ);
        this.silentLeftOut = EnumSet.noneOf(Feature.class);
        this.silentLeftOut.addAll(Objects.requireNonNull(silentLeftOut, "silentLeftOut"));
        this.watchFromS = watchFromS;
    }

    /**
     * This episode ending at {@code endS} (seconds, not before its start), everything else kept:
     * an episode cut at the video's end ({@link VideoRange#overlapping}).
     */
    public AnxietyEpisode endingAt(double endS) {
        return new AnxietyEpisode(
                role, startS, endS, peakIndex, peakS, windowCount, peakZ, meanZ, silentLeftOut, watchFromS);
    }

    /**
     * This episode, everything kept, with its time before {@code fromS} (seconds from media
     * start: the video's start, 0) left out of {@link #watchableS()}: an episode begun before the
     * video ({@link VideoRange#overlapping}), whose start, the onset, is kept.
     */
    public AnxietyEpisode watchableFrom(double fromS) {
        if (!Double.isFinite(fromS)) {
            throw new IllegalArgumentException("watchable from " + fromS + " s: not a time");
        }
        return new AnxietyEpisode(
                role, startS, endS, peakIndex, peakS, windowCount, peakZ, meanZ, silentLeftOut, fromS);
    }

    private static EnumMap<Feature, Double> copy(Map<Feature, Double> m) {
        EnumMap<Feature, Double> c = new EnumMap<>(Feature.class);
        c.putAll(m);
        return c;
    }

    public Role role() {
        return role;
    }

    /** Start, seconds from media start (the start of the first elevated window's cell). */
    public double startS() {
        return startS;
    }

    /** End, seconds from media start (the end of the last window's cell before the index fell). */
    public double endS() {
        return endS;
    }

    /** End minus start, seconds. */
    public double durationS() {
        return endS - startS;
    }

    /**
     * The seconds of the episode that can be watched: from its start, or from the video's start
     * when it began before it ({@link #watchableFrom}), to its end (already cut at the video's
     * end). What {@code anxiety_time_s}, the flag reason's minutes and the anxiety burden count;
     * before 2026-12-06 night they counted the time before the video too (sixth audit: 492.5 s
     * where 235 s could be watched).
     */
    public double watchableS() {
        return Math.max(0, endS - Math.max(startS, watchFromS));
    }

    /** Highest anxiety index of the episode's windows. */
    public double peakIndex() {
        return peakIndex;
    }

    /** Centre of the window with the highest index, seconds from media start. */
    public double peakS() {
        return peakS;
    }

    /** Number of windows whose centre lies inside the episode. */
    public int windowCount() {
        return windowCount;
    }

    /** Peak z per feature in the anxiety direction, in {@link Feature} order. */
    public Map<Feature, Double> peakZ() {
        return Collections.unmodifiableMap(peakZ);
    }

    /** Mean z per feature over the episode's windows, in {@link Feature} order. */
    public Map<Feature, Double> meanZ() {
        return Collections.unmodifiableMap(meanZ);
    }

    /**
     * The wearer's silent channels ({@link SilentChannels}) left out of the concordance support
     * ({@link Concordance#leftOutOfSupport}) in at least one window of the episode where the
     * detector consulted that support (to enter or to stay, {@link EpisodeDetector}), in {@link
     * Feature} order; empty when the wearer has none or they rose wherever it was consulted. The
     * windows are those of the detected episode, before any cut at the video's end.
     */
    public Set<Feature> silentLeftOut() {
        return Collections.unmodifiableSet(silentLeftOut);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AnxietyEpisode)) {
            return false;
        }
        AnxietyEpisode e = (AnxietyEpisode) o;
        return role == e.role
                && startS == e.startS
                && endS == e.endS
                && peakIndex == e.peakIndex
                && peakS == e.peakS
                && windowCount == e.windowCount
                && Double.compare(watchFromS, e.watchFromS) == 0
                && peakZ.equals(e.peakZ)
                && meanZ.equals(e.meanZ)
                && silentLeftOut.equals(e.silentLeftOut);
    }

    @Override
    public int hashCode() {
        return Objects.hash(role, startS, endS, peakIndex);
    }

    @Override
    public String toString() {
        return "AnxietyEpisode{" + role.id() + " " + startS + "-" + endS + " peak=" + peakIndex + " z=" + peakZ
                + (silentLeftOut.isEmpty() ? "" : " silentLeftOut=" + silentLeftOut)
                + (watchFromS > startS ? " watchableFrom=" + watchFromS : "") + "}";
    }
}
