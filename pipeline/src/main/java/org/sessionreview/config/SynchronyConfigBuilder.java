package org.sessionreview.config;


/** The builder of {@link SynchronyConfig}; {@link #build()} validates. */
public final class SynchronyConfigBuilder {
    double windowS = 30.0;
    double stepS = 5.0;
    double maxLagS = 5.0;
    double zClamp = 10.0;
    double minValidShare = 0.5;
    double leaderMinPeakZ = 0.0;
    double segmentS = 30.0;
    double segmentMaxLagS = 3.0;
    int maxSurrogatePairs = 500;
    int shuffles = 1000;
    long seed = 20200101L;
    double significancePercentile = 95.0;
    int minSegments = 6;
    double dropEffectThreshold = 0.5;
    int dropMinWindows = 6;
    double dropPrecedingS = 300.0;
    double alignRateHz = 4.0;
    double alignMinValidShare = 0.5;

    SynchronyConfigBuilder() {}

    // ---- A: windowed lagged cross-correlation (Boker et al. 2002) -----------------------

    /**
     * Length and step of the cross-correlation windows, seconds. Default 30 s every 5 s
     * (DOMAIN.md 4.3 A); 15 s and 60 s are the other settings DOMAIN.md offers, since window
     * size matters more than the maximum lag (Behrens et al. 2020). The length must be at
     * least twice {@link #maxLagS}.
     */
    public SynchronyConfigBuilder window(double lengthS, double stepS) {
        this.windowS = lengthS;
        this.stepS = stepS;
        return this;
    }

    /**
     * Largest lag in either direction, seconds; lags run in steps of one sample. Default 5 s
     * (DOMAIN.md 4.3 A; rMEA example {@code lagSec = 5}).
     */
    public SynchronyConfigBuilder maxLagS(double seconds) {
        this.maxLagS = seconds;
        return this;
    }

    /** Fisher z = atanh(r) is clamped to |z| at most this. Default 10 (rMEA). */
    public SynchronyConfigBuilder zClamp(double z) {
        this.zClamp = z;
        return this;
    }

    /**
     * Fewest samples (share 0..1) at which both wearers are valid (not NaN) for a window or a
     * segment to be analysed; below it the window is skipped and says so. Default 0.5 (rMEA
     * skips windows more than half missing).
     */
    public SynchronyConfigBuilder minValidShare(double share) {
        this.minValidShare = share;
        return this;
    }

    /**
     * A window names a leader (the side of its peak lag) only when the peak's |z| reaches
     * this. Default 0, as rMEA's {@code bestLag}: the session surrogates, not a per-window
     * threshold, say whether the coupling exceeds chance.
     */
    public SynchronyConfigBuilder leaderMinPeakZ(double z) {
        this.leaderMinPeakZ = z;
        return this;
    }

    // ---- B and D: session index with surrogates -----------------------------------------

    /**
     * Non-overlapping segment length and largest lag of the session index, seconds. Default
     * 30 s and 3 s (SUSY {@code segment = 30}, {@code maxlag = 3}); the segment must be at
     * least twice the lag, as SUSY requires.
     */
    public SynchronyConfigBuilder segment(double segmentS, double maxLagS) {
        this.segmentS = segmentS;
        this.segmentMaxLagS = maxLagS;
        return this;
    }

    /**
     * Most surrogate pairings (client segment i with therapist segment j != i) averaged into
     * SUSY's Zpseudo; with more candidates they are drawn with the seeded generator, the same
     * number for every client segment. Default 500 (SUSY {@code surrogates.total}).
     */
    public SynchronyConfigBuilder maxSurrogatePairs(int pairs) {
        this.maxSurrogatePairs = pairs;
        return this;
    }

    /**
     * Segment shuffles (therapist segments permuted so that none stays in place) forming the
     * surrogate distribution of the session value. Default 1000; at least {@value
     * #SynchronyConfig.MIN_SHUFFLES} (DOMAIN.md 4.3 D; Ramseyer &amp; Tschacher 2010/2011).
     */
    public SynchronyConfigBuilder shuffles(int count) {
        this.shuffles = count;
        return this;
    }

    /**
     * Seed of the {@code Well19937c} generator drawing pairings and shuffles.
     * Default 20200101.
     */
    public SynchronyConfigBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * The session value counts as above chance when its surrogate percentile exceeds this.
     * Default 95 (DOMAIN.md 4.3 D).
     */
    public SynchronyConfigBuilder significancePercentile(double percentile) {
        this.significancePercentile = percentile;
        return this;
    }

    /**
     * Fewest usable segments for a session index; with fewer, the index is not computed and
     * says why. Default 6 (3 minutes of 30 s segments).
     */
    public SynchronyConfigBuilder minSegments(int count) {
        this.minSegments = count;
        return this;
    }

    // ---- synchrony drop (supporting evidence only) -------------------------------------

    /**
     * A standardised difference (inside minus reference, in reference SDs) at or below minus
     * this is worded as lower synchrony. Default 0.5.
     */
    public SynchronyConfigBuilder dropEffectThreshold(double sd) {
        this.dropEffectThreshold = sd;
        return this;
    }

    /**
     * Fewest analysed windows needed inside the intervals and in the reference to compare
     * them. Default 6 (30 s of 5 s steps).
     */
    public SynchronyConfigBuilder dropMinWindows(int count) {
        this.dropMinWindows = count;
        return this;
    }

    /** Span before each interval used as the "preceding" reference, seconds. Default 300. */
    public SynchronyConfigBuilder dropPrecedingS(double seconds) {
        this.dropPrecedingS = seconds;
        return this;
    }

    // ---- alignment ----------------------------------------------------------------------

    /** Common rate both wearers are brought to, Hz. Default 4 Hz (E4 EDA; DOMAIN.md 4.1). */
    public SynchronyConfigBuilder alignRateHz(double hz) {
        this.alignRateHz = hz;
        return this;
    }

    /**
     * When downsampling, an output sample is the mean of the valid input samples in its bin,
     * or NaN when fewer than this share (0..1] of them are valid. Default 0.5.
     */
    public SynchronyConfigBuilder alignMinValidShare(double share) {
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
        check(shuffles >= SynchronyConfig.MIN_SHUFFLES,
                "shuffles must be at least " + SynchronyConfig.MIN_SHUFFLES + ", got " + shuffles);
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
