package org.sessionreview.scoring.rupture;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.sessionreview.taxonomy.RuptureClass;

/**
 * Session-level 3RS roll-up (DOMAIN.md section 3, rule 6), withdrawal and confrontation side by
 * side (rule 8): share of segments with a marker of each class, episode outcomes per class, and
 * the resolution ratio. Built by {@link SegmentRollup#summarize}. Immutable.
 *
 * <p><b>Resolution ratio</b> = resolved / (resolved + partially resolved + unaddressed), as
 * DOMAIN.md section 3 rule 6 writes it and as {@code trainees/} computes it; escalated episodes
 * are counted in their own column and left out of the ratio (null when every episode escalated).
 * Before 2026-12-05 this ratio counted escalated episodes in its denominator and so disagreed with
 * {@code trainees/}.
 */
public final class RuptureSummary implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int segments;
    private final int segmentsWithW;
    private final int segmentsWithC;
    private final EnumMap<RuptureClass, EnumMap<RuptureOutcome, Integer>> outcomes;

    RuptureSummary(
            int segments,
            int segmentsWithW,
            int segmentsWithC,
            EnumMap<RuptureClass, EnumMap<RuptureOutcome, Integer>> outcomes) {
        this.segments = segments;
        this.segmentsWithW = segmentsWithW;
        this.segmentsWithC = segmentsWithC;
        this.outcomes = new EnumMap<>(RuptureClass.class);
        for (RuptureClass c : RuptureClass.values()) {
            EnumMap<RuptureOutcome, Integer> m = new EnumMap<>(RuptureOutcome.class);
            for (RuptureOutcome o : RuptureOutcome.values()) {
                m.put(o, outcomes.containsKey(c) ? outcomes.get(c).getOrDefault(o, 0) : 0);
            }
            this.outcomes.put(c, m);
        }
    }

    public int segments() {
        return segments;
    }

    /** Share (0..1) of segments with at least one withdrawal marker; null without segments. */
    public Double shareSegmentsWithW() {
        return segments == 0 ? null : (double) segmentsWithW / segments;
    }

    /** Share (0..1) of segments with at least one confrontation marker; null without segments. */
    public Double shareSegmentsWithC() {
        return segments == 0 ? null : (double) segmentsWithC / segments;
    }

    /** Number of episodes of class {@code c} with outcome {@code o}. */
    public int count(RuptureClass c, RuptureOutcome o) {
        return outcomes.get(c).get(o);
    }

    /** Number of episodes of class {@code c}. */
    public int episodes(RuptureClass c) {
        return outcomes.get(c).values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Outcome counts of class {@code c}, in outcome order (all outcomes present). */
    public Map<RuptureOutcome, Integer> outcomes(RuptureClass c) {
        return Collections.unmodifiableMap(outcomes.get(c));
    }

    /** Resolution ratio over both classes (see the class comment); null without episodes. */
    public Double resolutionRatio() {
        int resolved = 0;
        int all = 0;
        for (RuptureClass c : RuptureClass.values()) {
            resolved += count(c, RuptureOutcome.RESOLVED);
            all += episodes(c) - count(c, RuptureOutcome.ESCALATED);
        }
        return all == 0 ? null : (double) resolved / all;
    }

    /** Resolution ratio of one class; null without episodes of that class other than escalated ones. */
    public Double resolutionRatio(RuptureClass c) {
        int all = episodes(c) - count(c, RuptureOutcome.ESCALATED);
        return all == 0 ? null : (double) count(c, RuptureOutcome.RESOLVED) / all;
    }

    @Override
    public String toString() {
        return "RuptureSummary{segments=" + segments + " W=" + segmentsWithW + " C=" + segmentsWithC + " outcomes="
                + outcomes + "}";
    }
}
