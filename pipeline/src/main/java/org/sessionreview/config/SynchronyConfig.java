package org.sessionreview.config;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Parameters of dyadic physiological synchrony (DOMAIN.md section 4.3): the windowed lagged
 * cross-correlation (method A), the session index with segment surrogates (methods B and D), the
 * synchrony-drop comparison and the alignment of both wearers' series. Immutable and {@link
 * Serializable} so that Flink operators can carry it; the only way in is {@link #builder()}, and
 * {@link Builder#build()} checks every value and names the offending option.
 *
 * <p>Each option is documented once, on its builder setter, with unit and default. {@link
 * #asMetadata()} lists every option with its value for Parquet footers and run summaries.
 *
 * <p>References: Boker, Xu, Rotondo &amp; King 2002 (windowed cross-correlation and peak picking);
 * Behrens, Moulder, Boker &amp; Kret 2020 (window size matters more than maximum lag); Tschacher
 * &amp; Meier 2020 and CRAN {@code SUSY} (segments, surrogates, ES); Ramseyer &amp; Tschacher
 * 2010/2011 (segment shuffling); Kleinbub &amp; Ramseyer 2020, {@code rMEA} (Fisher z clamp 10).
 */
public final class SynchronyConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Fewest shuffles DOMAIN.md 4.3 D accepts for a surrogate percentile. */
    public static final int MIN_SHUFFLES = 100;

    private final double windowS;
    private final double stepS;
    private final double maxLagS;
    private final double zClamp;
    private final double minValidShare;
    private final double leaderMinPeakZ;
    private final double segmentS;
    private final double segmentMaxLagS;
    private final int maxSurrogatePairs;
    private final int shuffles;
    private final long seed;
    private final double significancePercentile;
    private final int minSegments;
    private final double dropEffectThreshold;
    private final int dropMinWindows;
    private final double dropPrecedingS;
    private final double alignRateHz;
    private final double alignMinValidShare;

    private SynchronyConfig(Builder b) {
        windowS = b.windowS;
        stepS = b.stepS;
        maxLagS = b.maxLagS;
        zClamp = b.zClamp;
        minValidShare = b.minValidShare;
        leaderMinPeakZ = b.leaderMinPeakZ;
        segmentS = b.segmentS;
        segmentMaxLagS = b.segmentMaxLagS;
        maxSurrogatePairs = b.maxSurrogatePairs;
        shuffles = b.shuffles;
        seed = b.seed;
        significancePercentile = b.significancePercentile;
        minSegments = b.minSegments;
        dropEffectThreshold = b.dropEffectThreshold;
        dropMinWindows = b.dropMinWindows;
        dropPrecedingS = b.dropPrecedingS;
        alignRateHz = b.alignRateHz;
        alignMinValidShare = b.alignMinValidShare;
    }

    /** A builder holding the defaults documented on its setters. */
    public static Builder builder() {
        return new Builder();
    }

    /** The project defaults (DOMAIN.md section 4.3). */
    public static SynchronyConfig defaults() {
        return builder().build();
    }

    /** A builder preset with this configuration's values, to change a few of them. */
    public Builder toBuilder() {
        return builder().window(windowS, stepS).maxLagS(maxLagS).zClamp(zClamp)
                .minValidShare(minValidShare).leaderMinPeakZ(leaderMinPeakZ)
                .segment(segmentS, segmentMaxLagS).maxSurrogatePairs(maxSurrogatePairs)
                .shuffles(shuffles).seed(seed).significancePercentile(significancePercentile)
                .minSegments(minSegments).dropEffectThreshold(dropEffectThreshold)
                .dropMinWindows(dropMinWindows).dropPrecedingS(dropPrecedingS)
                .alignRateHz(alignRateHz).alignMinValidShare(alignMinValidShare);
    }

    // Getters: see the matching Builder setter for unit, default and meaning.

    public double windowS() {
        return windowS;
    }

    public double stepS() {
        return stepS;
    }

    public double maxLagS() {
        return maxLagS;
    }

    public double zClamp() {
        return zClamp;
    }

    public double minValidShare() {
        return minValidShare;
    }

    public double leaderMinPeakZ() {
        return leaderMinPeakZ;
    }

    public double segmentS() {
        return segmentS;
    }

    public double segmentMaxLagS() {
        return segmentMaxLagS;
    }

    public int maxSurrogatePairs() {
        return maxSurrogatePairs;
    }

    public int shuffles() {
        return shuffles;
    }

    public long seed() {
        return seed;
    }

    public double significancePercentile() {
        return significancePercentile;
    }

    public int minSegments() {
        return minSegments;
    }

    public double dropEffectThreshold() {
        return dropEffectThreshold;
    }

    public int dropMinWindows() {
        return dropMinWindows;
    }

    public double dropPrecedingS() {
        return dropPrecedingS;
    }

    public double alignRateHz() {
        return alignRateHz;
    }

    public double alignMinValidShare() {
        return alignMinValidShare;
    }

    /** Every option as {@code synchrony.<name>} to its value, in declaration order. */
    public Map<String, String> asMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("synchrony.window_s", num(windowS));
        m.put("synchrony.step_s", num(stepS));
        m.put("synchrony.max_lag_s", num(maxLagS));
        m.put("synchrony.z_clamp", num(zClamp));
        m.put("synchrony.min_valid_share", num(minValidShare));
        m.put("synchrony.leader_min_peak_z", num(leaderMinPeakZ));
        m.put("synchrony.segment_s", num(segmentS));
        m.put("synchrony.segment_max_lag_s", num(segmentMaxLagS));
        m.put("synchrony.max_surrogate_pairs", Integer.toString(maxSurrogatePairs));
        m.put("synchrony.shuffles", Integer.toString(shuffles));
        m.put("synchrony.seed", Long.toString(seed));
        m.put("synchrony.significance_percentile", num(significancePercentile));
        m.put("synchrony.min_segments", Integer.toString(minSegments));
        m.put("synchrony.drop.effect_threshold", num(dropEffectThreshold));
        m.put("synchrony.drop.min_windows", Integer.toString(dropMinWindows));
        m.put("synchrony.drop.preceding_s", num(dropPrecedingS));
        m.put("synchrony.align.rate_hz", num(alignRateHz));
        m.put("synchrony.align.min_valid_share", num(alignMinValidShare));
        return Collections.unmodifiableMap(m);
    }

    private static String num(double v) {
        return Double.toString(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SynchronyConfig
                && asMetadata().equals(((SynchronyConfig) o).asMetadata());
    }

    @Override
    public int hashCode() {
        return Objects.hash(asMetadata());
    }

    @Override
    public String toString() {
        return "SynchronyConfig" + asMetadata();
    }

    /** Builder for {@link SynchronyConfig}; {@link #build()} validates. */
    public static final class Builder {
        private double windowS = 30.0;
        private double stepS = 5.0;
        private double maxLagS = 5.0;
        private double zClamp = 10.0;
        private double minValidShare = 0.5;
        private double leaderMinPeakZ = 0.0;
        private double segmentS = 30.0;
        private double segmentMaxLagS = 3.0;
        private int maxSurrogatePairs = 500;
        private int shuffles = 1000;
        private long seed = 20200101L;
        private double significancePercentile = 95.0;
        private int minSegments = 6;
        private double dropEffectThreshold = 0.5;
        private int dropMinWindows = 6;
        private double dropPrecedingS = 300.0;
        private double alignRateHz = 4.0;
        private double alignMinValidShare = 0.5;

        private Builder() {}

        // ---- A: windowed lagged cross-correlation (Boker et al. 2002) -----------------------

        /**
         * Length and step of the cross-correlation windows, seconds. Default 30 s every 5 s
         * (DOMAIN.md 4.3 A); 15 s and 60 s are the other settings DOMAIN.md offers, since window
         * size matters more than the maximum lag (Behrens et al. 2020). The length must be at
         * least twice {@link #maxLagS}.
         */
        public Builder window(double lengthS, double stepS) {
            this.windowS = lengthS;
            this.stepS = stepS;
            return this;
        }

        /**
         * Largest lag in either direction, seconds; lags run in steps of one sample. Default 5 s
         * (DOMAIN.md 4.3 A; rMEA example {@code lagSec = 5}).
         */
        public Builder maxLagS(double seconds) {
            this.maxLagS = seconds;
            return this;
        }

        /** Fisher z = atanh(r) is clamped to |z| at most this. Default 10 (rMEA). */
        public Builder zClamp(double z) {
            this.zClamp = z;
            return this;
        }

        /**
         * Fewest samples (share 0..1) at which both wearers are valid (not NaN) for a window or a
         * segment to be analysed; below it the window is skipped and says so. Default 0.5 (rMEA
         * skips windows more than half missing).
         */
        public Builder minValidShare(double share) {
            this.minValidShare = share;
            return this;
        }

        /**
         * A window names a leader (the side of its peak lag) only when the peak's |z| reaches
         * this. Default 0, as rMEA's {@code bestLag}: the session surrogates, not a per-window
         * threshold, say whether the coupling exceeds chance.
         */
        public Builder leaderMinPeakZ(double z) {
            this.leaderMinPeakZ = z;
            return this;
        }

        // ---- B and D: session index with surrogates -----------------------------------------

        /**
         * Non-overlapping segment length and largest lag of the session index, seconds. Default
         * 30 s and 3 s (SUSY {@code segment = 30}, {@code maxlag = 3}); the segment must be at
         * least twice the lag, as SUSY requires.
         */
        public Builder segment(double segmentS, double maxLagS) {
            this.segmentS = segmentS;
            this.segmentMaxLagS = maxLagS;
            return this;
        }

        /**
         * Most surrogate pairings (client segment i with therapist segment j != i) averaged into
         * SUSY's Zpseudo; with more candidates they are drawn with the seeded generator, the same
         * number for every client segment. Default 500 (SUSY {@code surrogates.total}).
         */
        public Builder maxSurrogatePairs(int pairs) {
            this.maxSurrogatePairs = pairs;
            return this;
        }

        /**
         * Segment shuffles (therapist segments permuted so that none stays in place) forming the
         * surrogate distribution of the session value. Default 1000; at least {@value
         * #MIN_SHUFFLES} (DOMAIN.md 4.3 D; Ramseyer &amp; Tschacher 2010/2011).
         */
        public Builder shuffles(int count) {
            this.shuffles = count;
            return this;
        }

        /**
         * Seed of the {@code Well19937c} generator drawing pairings and shuffles.
         * Default 20200101.
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * The session value counts as above chance when its surrogate percentile exceeds this.
         * Default 95 (DOMAIN.md 4.3 D).
         */
        public Builder significancePercentile(double percentile) {
            this.significancePercentile = percentile;
            return this;
        }

        /**
         * Fewest usable segments for a session index; with fewer, the index is not computed and
         * says why. Default 6 (3 minutes of 30 s segments).
         */
        public Builder minSegments(int count) {
            this.minSegments = count;
            return this;
        }

        // ---- synchrony drop (supporting evidence only) -------------------------------------

        /**
         * A standardised difference (inside minus reference, in reference SDs) at or below minus
         * this is worded as lower synchrony. Default 0.5.
         */
        public Builder dropEffectThreshold(double sd) {
            this.dropEffectThreshold = sd;
            return this;
        }

        /**
         * Fewest analysed windows needed inside the intervals and in the reference to compare
         * them. Default 6 (30 s of 5 s steps).
         */
        public Builder dropMinWindows(int count) {
            this.dropMinWindows = count;
            return this;
        }

        /** Span before each interval used as the "preceding" reference, seconds. Default 300. */
        public Builder dropPrecedingS(double seconds) {
            this.dropPrecedingS = seconds;
            return this;
        }

        // ---- alignment ----------------------------------------------------------------------

        /** Common rate both wearers are brought to, Hz. Default 4 Hz (E4 EDA; DOMAIN.md 4.1). */
        public Builder alignRateHz(double hz) {
            this.alignRateHz = hz;
            return this;
        }

        /**
         * When downsampling, an output sample is the mean of the valid input samples in its bin,
         * or NaN when fewer than this share (0..1] of them are valid. Default 0.5.
         */
        public Builder alignMinValidShare(double share) {
            this.alignMinValidShare = share;
            return this;
        }

        /**
         * Checks every option and builds the configuration.
         *
         * @throws IllegalArgumentException naming the first invalid option and its value
         */
        public SynchronyConfig build() {
            positive("windowS", windowS);
            positive("stepS", stepS);
            positive("maxLagS", maxLagS);
            check(windowS >= 2 * maxLagS, "window length (" + windowS
                    + " s) must be at least twice the maximum lag (" + maxLagS + " s)");
            positive("zClamp", zClamp);
            share("minValidShare", minValidShare);
            check(Double.isFinite(leaderMinPeakZ) && leaderMinPeakZ >= 0,
                    "leaderMinPeakZ must be >= 0, got " + leaderMinPeakZ);
            positive("segmentS", segmentS);
            positive("segmentMaxLagS", segmentMaxLagS);
            check(segmentS >= 2 * segmentMaxLagS, "segment length (" + segmentS
                    + " s) must be at least twice the segment lag (" + segmentMaxLagS + " s)");
            check(maxSurrogatePairs >= 1,
                    "maxSurrogatePairs must be at least 1, got " + maxSurrogatePairs);
            check(shuffles >= MIN_SHUFFLES,
                    "shuffles must be at least " + MIN_SHUFFLES + ", got " + shuffles);
            check(significancePercentile > 0 && significancePercentile < 100,
                    "significancePercentile must be within (0, 100), got "
                            + significancePercentile);
            check(minSegments >= 3, "minSegments must be at least 3, got " + minSegments);
            positive("dropEffectThreshold", dropEffectThreshold);
            check(dropMinWindows >= 2, "dropMinWindows must be at least 2, got " + dropMinWindows);
            positive("dropPrecedingS", dropPrecedingS);
            positive("alignRateHz", alignRateHz);
            share("alignMinValidShare", alignMinValidShare);
            return new SynchronyConfig(this);
        }

        private static void positive(String name, double v) {
            check(Double.isFinite(v) && v > 0, name + " must be > 0, got " + v);
        }

        private static void share(String name, double v) {
            check(v > 0 && v <= 1, name + " must be within (0, 1], got " + v);
        }

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException("Invalid synchrony configuration: " + message);
            }
        }
    }
}
