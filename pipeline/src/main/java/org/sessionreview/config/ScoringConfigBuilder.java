package org.sessionreview.config;


/**
 * ScoringConfigBuilder for {@link ScoringConfig}. Every setter documents its unit and default; {@link
 * #build()} validates.
 */
public final class ScoringConfigBuilder {
    double baselineStartS = 120.0;
    double baselineEndS = 360.0;
    int minBaselineWindows = 12;
    double madScale = 1.4826;
    double sclFloorUs = 0.05;
    double scrRateFloorPerMin = 2.0;
    double hrFloorBpm = 2.0;
    double rmssdFloorMs = 5.0;
    double fidgetFloorRelative = 0.10;
    double fidgetFloorG2 = 5e-6;
    double tempSlopeFloorCPerMin = 0.05;
    double zClamp = 10.0;
    double weightScr = 0.5;
    double weightScl = 1.0;
    double weightHr = 1.0;
    double weightRmssd = 0.5;
    double weightFidget = 0.25;
    double weightTemp = 0.25;
    double grossMovementMaxS = 10;
    double qualityThreshold = 0.5;
    double enterThreshold = 2.0;
    double enterHoldS = 20.0;
    double leaveThreshold = 1.0;
    double leaveHoldS = 20.0;
    double minEpisodeS = 30.0;
    double mergeGapS = 30.0;
    double windowHopS = 5.0;
    double windowLengthS = 30.0;
    double cueLookbackS = 30.0;
    double risingChannelZ = 1.0;
    double priorityPerEpisode = 0.5;
    double lowDataQuality = 0.5;
    boolean therapistMoments = true;

    ScoringConfigBuilder() {}

    ScoringConfigBuilder(ScoringConfig c) {
        baselineStartS = c.baselineStartS;
        baselineEndS = c.baselineEndS;
        minBaselineWindows = c.minBaselineWindows;
        madScale = c.madScale;
        sclFloorUs = c.sclFloorUs;
        scrRateFloorPerMin = c.scrRateFloorPerMin;
        hrFloorBpm = c.hrFloorBpm;
        rmssdFloorMs = c.rmssdFloorMs;
        fidgetFloorRelative = c.fidgetFloorRelative;
        fidgetFloorG2 = c.fidgetFloorG2;
        tempSlopeFloorCPerMin = c.tempSlopeFloorCPerMin;
        zClamp = c.zClamp;
        weightScr = c.weightScr;
        weightScl = c.weightScl;
        weightHr = c.weightHr;
        weightRmssd = c.weightRmssd;
        weightFidget = c.weightFidget;
        weightTemp = c.weightTemp;
        grossMovementMaxS = c.grossMovementMaxS;
        qualityThreshold = c.qualityThreshold;
        enterThreshold = c.enterThreshold;
        enterHoldS = c.enterHoldS;
        leaveThreshold = c.leaveThreshold;
        leaveHoldS = c.leaveHoldS;
        minEpisodeS = c.minEpisodeS;
        mergeGapS = c.mergeGapS;
        windowHopS = c.windowHopS;
        windowLengthS = c.windowLengthS;
        cueLookbackS = c.cueLookbackS;
        risingChannelZ = c.risingChannelZ;
        priorityPerEpisode = c.priorityPerEpisode;
        lowDataQuality = c.lowDataQuality;
        therapistMoments = c.therapistMoments;
    }

    // ---- personal baseline ------------------------------------------------------------

    /**
     * Calibration stretch used for the personal baseline, seconds from media start; a window
     * belongs to it when it lies wholly inside. Default 120-360 s (minutes 2 to 6: the first
     * 2 min let the sensors settle; DOMAIN.md 4.0).
     */
    public ScoringConfigBuilder baselineStretchS(double startS, double endS) {
        this.baselineStartS = startS;
        this.baselineEndS = endS;
        return this;
    }

    /**
     * Fewest usable windows (feature present, channel quality passing) a feature needs in
     * the calibration stretch; with fewer, that feature's baseline falls back to all the
     * wearer's windows of the session and the fallback is recorded in the baseline source.
     * Default 12 (one minute of 5-s hops).
     */
    public ScoringConfigBuilder minBaselineWindows(int count) {
        this.minBaselineWindows = count;
        return this;
    }

    /**
     * Factor turning the median absolute deviation into a standard-deviation estimate for
     * normal data. Default 1.4826 (Leys et al. 2013).
     */
    public ScoringConfigBuilder madScale(double factor) {
        this.madScale = factor;
        return this;
    }

    /**
     * Floor on the robust scale of the skin conductance level, microsiemens: a flat baseline
     * must not turn sensor noise into huge z-scores. Default 0.05 uS.
     */
    public ScoringConfigBuilder sclFloorUs(double us) {
        this.sclFloorUs = us;
        return this;
    }

    /**
     * Floor on the robust scale of the SCR rate, responses per minute. Default 2 /min: one
     * response more or less in a 30 s window changes the rate by 2 /min, so a smaller scale
     * would turn single spontaneous responses into large z-scores.
     */
    public ScoringConfigBuilder scrRateFloorPerMin(double perMin) {
        this.scrRateFloorPerMin = perMin;
        return this;
    }

    /** Floor on the robust scale of the heart rate, beats per minute. Default 2 bpm. */
    public ScoringConfigBuilder hrFloorBpm(double bpm) {
        this.hrFloorBpm = bpm;
        return this;
    }

    /** Floor on the robust scale of RMSSD, milliseconds. Default 5 ms. */
    public ScoringConfigBuilder rmssdFloorMs(double ms) {
        this.rmssdFloorMs = ms;
        return this;
    }

    /**
     * Floor on the robust scale of fidget power, relative to the baseline median (fidget
     * power spans orders of magnitude between people, so an absolute floor alone does not
     * fit everyone). The floor used is the larger of this times |median| and {@link
     * #fidgetFloorG2(double)}. Default 0.10 (10 % of the baseline median).
     */
    public ScoringConfigBuilder fidgetFloorRelative(double fraction) {
        this.fidgetFloorRelative = fraction;
        return this;
    }

    /**
     * Absolute floor on the robust scale of fidget power, g^2. Default 5e-6 g^2: roughly the
     * 2-6 Hz share of the quantisation noise of an E4 accelerometer (1/64 g steps give
     * (1/64)^2 / 12 = 2.0e-5 g^2 over 0-16 Hz, about a quarter of it in 2-6 Hz).
     */
    public ScoringConfigBuilder fidgetFloorG2(double g2) {
        this.fidgetFloorG2 = g2;
        return this;
    }

    /** Floor on the robust scale of the skin-temperature slope, degC/min. Default 0.05. */
    public ScoringConfigBuilder tempSlopeFloorCPerMin(double cPerMin) {
        this.tempSlopeFloorCPerMin = cPerMin;
        return this;
    }

    // ---- anxiety index ----------------------------------------------------------------

    /** Robust z-scores are clamped to [-zClamp, +zClamp]. Default 10. */
    public ScoringConfigBuilder zClamp(double limit) {
        this.zClamp = limit;
        return this;
    }

    /**
     * Weight of z(SCR rate) in the anxiety index (sign +). Default 0.5.
     *
     * <p>Why these defaults: skin conductance level and heart rate are estimated reliably
     * from a 30 s window and weigh 1; the SCR rate (a count of a few events) and RMSSD (a few
     * dozen beat pairs) are noisy over 30 s and weigh 0.5; fidget power and the temperature
     * slope also change for reasons other than arousal (free movement, the room) and weigh
     * 0.25. On the labelled Stress-Predict recordings S04 and S06 the DOMAIN.md proposal (1,
     * 1, 1, 1, 0.5, 0.5) gave window-level ROC AUCs of 0.79 and 0.66; these defaults give
     * 0.82 and 0.76 (README, Methods).
     */
    public ScoringConfigBuilder weightScr(double w) {
        this.weightScr = w;
        return this;
    }

    /** Weight of z(skin conductance level) in the anxiety index (sign +). Default 1 (see {@link #weightScr}). */
    public ScoringConfigBuilder weightScl(double w) {
        this.weightScl = w;
        return this;
    }

    /** Weight of z(heart rate) in the anxiety index (sign +). Default 1 (see {@link #weightScr}). */
    public ScoringConfigBuilder weightHr(double w) {
        this.weightHr = w;
        return this;
    }

    /**
     * Weight of z(RMSSD) in the anxiety index. The sign is fixed at - (anxiety lowers
     * vagally mediated HRV), so give a non-negative weight. Default 0.5 (see {@link #weightScr}).
     */
    public ScoringConfigBuilder weightRmssd(double w) {
        this.weightRmssd = w;
        return this;
    }

    /** Weight of z(fidget power) in the anxiety index (sign +). Default 0.25 (see {@link #weightScr}). */
    public ScoringConfigBuilder weightFidget(double w) {
        this.weightFidget = w;
        return this;
    }

    /**
     * Weight of z(skin-temperature slope) in the anxiety index. The sign is fixed at -
     * (peripheral vasoconstriction cools the skin under stress). Default 0.25 (see {@link
     * #weightScr}).
     */
    public ScoringConfigBuilder weightTemp(double w) {
        this.weightTemp = w;
        return this;
    }

    /**
     * A window with at least this many seconds of gross arm or posture movement (see
     * {@code WindowFeatures.grossMovementS}) gets no anxiety index: exertion raises EDA and
     * heart rate too (DOMAIN.md 4.0). Brief gestures below it do not blank the window. Default
     * 10 s (a third of a 30 s window).
     */
    public ScoringConfigBuilder grossMovementMaxS(double seconds) {
        this.grossMovementMaxS = seconds;
        return this;
    }

    /**
     * Minimum channel quality (valid fraction 0..1 of the window) for a feature to enter the
     * baseline and the index: EDA features use {@code edaQuality}, HR and RMSSD {@code
     * cardiacQuality}, fidget {@code accQuality}, temperature {@code tempQuality}. Default
     * 0.5.
     */
    public ScoringConfigBuilder qualityThreshold(double fraction) {
        this.qualityThreshold = fraction;
        return this;
    }

    // ---- episodes ---------------------------------------------------------------------

    /**
     * An episode starts when the index stays at or above this value for {@code holdS}
     * seconds of consecutive windows. Default 2.0 held 20 s (DOMAIN.md 4.0).
     */
    public ScoringConfigBuilder enter(double threshold, double holdS) {
        this.enterThreshold = threshold;
        this.enterHoldS = holdS;
        return this;
    }

    /**
     * An episode ends when the index stays below this value (or is null) for {@code holdS}
     * seconds. Default 1.0 held 20 s (DOMAIN.md 4.0).
     */
    public ScoringConfigBuilder leave(double threshold, double holdS) {
        this.leaveThreshold = threshold;
        this.leaveHoldS = holdS;
        return this;
    }

    /** Episodes shorter than this are dropped (after merging), seconds. Default 30 s. */
    public ScoringConfigBuilder minEpisodeS(double s) {
        this.minEpisodeS = s;
        return this;
    }

    /** Episodes separated by less than this are merged into one, seconds. Default 30 s. */
    public ScoringConfigBuilder mergeGapS(double s) {
        this.mergeGapS = s;
        return this;
    }

    /**
     * Hop and length of the feature windows, seconds; they turn runs of windows into times
     * (each window stands for the hop-long cell around its centre). Default hop 5 s, length
     * 30 s (DOMAIN.md 4.0).
     */
    public ScoringConfigBuilder window(double hopS, double lengthS) {
        this.windowHopS = hopS;
        this.windowLengthS = lengthS;
        return this;
    }

    // ---- review -----------------------------------------------------------------------

    /**
     * A coded ANX_* cue counts as inside an episode when it overlaps the episode extended by
     * this many seconds before its start (SCR latency: the eliciting moment comes before the
     * rise; DOMAIN.md 4.2). Default 30 s.
     */
    public ScoringConfigBuilder cueLookbackS(double s) {
        this.cueLookbackS = s;
        return this;
    }

    /**
     * A channel is named in an episode's evidence (with its peak z) when its mean z over the
     * episode, in the anxiety direction (z for SCR, SCL, HR, fidget; -z for RMSSD and
     * temperature slope), reaches this. Default 1.0.
     */
    public ScoringConfigBuilder risingChannelZ(double z) {
        this.risingChannelZ = z;
        return this;
    }

    /**
     * Priority added per client anxiety episode, on top of the sum of minutes x peak index
     * (see {@code org.sessionreview.scoring.ReviewPriority}). Default 0.5.
     */
    public ScoringConfigBuilder priorityPerEpisode(double points) {
        this.priorityPerEpisode = points;
        return this;
    }

    /**
     * Client data quality (0..1) below which a flag reason asks to review sensor placement
     * (it never flags a session on its own). Default 0.5.
     */
    public ScoringConfigBuilder lowDataQuality(double fraction) {
        this.lowDataQuality = fraction;
        return this;
    }

    /**
     * Whether therapist anxiety episodes also become moments (role {@code therapist}); they
     * never count towards the session's anxiety columns, flag or priority. Default true.
     */
    public ScoringConfigBuilder therapistMoments(boolean include) {
        this.therapistMoments = include;
        return this;
    }

    /**
     * Checks every option and builds the configuration.
     *
     * @throws IllegalArgumentException naming the first invalid option and its value
     */
    public ScoringConfig build() {
        validate();
        return new ScoringConfig(this);
    }

    void validate() {
        nonNegative("baselineStartS", baselineStartS);
        check(baselineEndS > baselineStartS,
                "baseline stretch end (" + baselineEndS + " s) must be after its start ("
                        + baselineStartS + " s)");
        check(minBaselineWindows >= 1,
                "minBaselineWindows must be at least 1, got " + minBaselineWindows);
        positive("madScale", madScale);
        positive("sclFloorUs", sclFloorUs);
        positive("scrRateFloorPerMin", scrRateFloorPerMin);
        positive("hrFloorBpm", hrFloorBpm);
        positive("rmssdFloorMs", rmssdFloorMs);
        nonNegative("fidgetFloorRelative", fidgetFloorRelative);
        positive("fidgetFloorG2", fidgetFloorG2);
        positive("tempSlopeFloorCPerMin", tempSlopeFloorCPerMin);
        positive("zClamp", zClamp);
        nonNegative("weightScr", weightScr);
        nonNegative("weightScl", weightScl);
        nonNegative("weightHr", weightHr);
        nonNegative("weightRmssd", weightRmssd);
        nonNegative("weightFidget", weightFidget);
        nonNegative("weightTemp", weightTemp);
        check(weightScr + weightScl + weightHr + weightRmssd + weightFidget + weightTemp > 0,
                "at least one anxiety-index weight must be positive");
        check(qualityThreshold >= 0 && qualityThreshold <= 1,
                "qualityThreshold must be within 0..1, got " + qualityThreshold);
        finite("enterThreshold", enterThreshold);
        finite("leaveThreshold", leaveThreshold);
        check(leaveThreshold <= enterThreshold,
                "leave threshold (" + leaveThreshold + ") must not exceed the enter threshold ("
                        + enterThreshold + ")");
        nonNegative("enterHoldS", enterHoldS);
        nonNegative("leaveHoldS", leaveHoldS);
        nonNegative("minEpisodeS", minEpisodeS);
        nonNegative("mergeGapS", mergeGapS);
        positive("windowHopS", windowHopS);
        positive("windowLengthS", windowLengthS);
        check(windowHopS <= windowLengthS,
                "window hop (" + windowHopS + " s) must not exceed the window length ("
                        + windowLengthS + " s)");
        nonNegative("cueLookbackS", cueLookbackS);
        nonNegative("risingChannelZ", risingChannelZ);
        nonNegative("priorityPerEpisode", priorityPerEpisode);
        check(lowDataQuality >= 0 && lowDataQuality <= 1,
                "lowDataQuality must be within 0..1, got " + lowDataQuality);
    }

    private static void finite(String name, double v) {
        check(Double.isFinite(v), name + " must be a finite number, got " + v);
    }

    private static void positive(String name, double v) {
        check(Double.isFinite(v) && v > 0, name + " must be > 0, got " + v);
    }

    private static void nonNegative(String name, double v) {
        check(Double.isFinite(v) && v >= 0, name + " must be >= 0, got " + v);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("Invalid scoring configuration: " + message);
        }
    }
}
