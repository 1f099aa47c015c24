package org.sessionreview.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sessionreview.taxonomy.CodeTaxonomy;

/** The builder of {@link RuptureConfig}; {@link #build()} validates. */
public final class RuptureConfigBuilder {
    double mergeGapS = 120;
    double repairWindowS = 300;
    double quietS = 300;
    double resolvedWindowS = 120;
    boolean requireReengagement = false;
    List<String> reengagementCodes = List.of("AFF_CONCERN");
    List<String> reengagementValues =
            List.of("self_assertion", "elaboration", "vulnerability");
    double segmentS = 300;
    double pressureWindowS = 30;
    double settleS = 120;
    int minCueIntensity = 2;
    double episodeLookbackS = 10;
    double episodeResponseS = 30;
    double cueResponseS = 10;
    boolean useTurns = true;
    double turnGraceS = 5;
    double voicedCueLookbackS = 30;
    List<Double> sensitivityWindowsS = List.of(5.0, 10.0, 20.0, 30.0);
    double safetyResponseS = 60;
    double priorityTierStep = 1000;
    double priorityHalfLoad = 20;
    double weightUnansweredSafety = 10;
    double weightSafety = 5;
    double weightUnaddressed = 4;
    double weightEscalated = 3;
    double weightMissed = 2;
    double weightPressure = 2;
    double weightUnvoiced = 1;
    double weightAnxiety = 1;

    RuptureConfigBuilder() {}

    RuptureConfigBuilder(RuptureConfig c) {
        mergeGapS = c.mergeGapS;
        repairWindowS = c.repairWindowS;
        quietS = c.quietS;
        resolvedWindowS = c.resolvedWindowS;
        requireReengagement = c.requireReengagement;
        reengagementCodes = c.reengagementCodes();
        reengagementValues = c.reengagementValues();
        segmentS = c.segmentS;
        pressureWindowS = c.pressureWindowS;
        settleS = c.settleS;
        minCueIntensity = c.minCueIntensity;
        episodeLookbackS = c.episodeLookbackS;
        episodeResponseS = c.episodeResponseS;
        cueResponseS = c.cueResponseS;
        useTurns = c.useTurns;
        turnGraceS = c.turnGraceS;
        voicedCueLookbackS = c.voicedCueLookbackS;
        sensitivityWindowsS = c.sensitivityWindowsS();
        safetyResponseS = c.safetyResponseS;
        priorityTierStep = c.priorityTierStep;
        priorityHalfLoad = c.priorityHalfLoad;
        weightUnansweredSafety = c.weightUnansweredSafety;
        weightSafety = c.weightSafety;
        weightUnaddressed = c.weightUnaddressed;
        weightEscalated = c.weightEscalated;
        weightMissed = c.weightMissed;
        weightPressure = c.weightPressure;
        weightUnvoiced = c.weightUnvoiced;
        weightAnxiety = c.weightAnxiety;
    }

    // ---- rupture episodes (DOMAIN.md section 3) ---------------------------------------

    /**
     * A marker extends the open episode of its class when it starts at most this many
     * seconds after the end of that episode's last marker; otherwise it opens a new episode.
     * Default 120 s (rule 1).
     */
    public RuptureConfigBuilder mergeGapS(double s) {
        this.mergeGapS = s;
        return this;
    }

    /**
     * A repair attempt attaches to an open episode when it starts in [episode start, end of
     * its last marker + this]. Default 300 s (rule 2). A repair can only attach while the
     * episode is open, so values above {@link #quietS} act as {@code quietS}.
     */
    public RuptureConfigBuilder repairWindowS(double s) {
        this.repairWindowS = s;
        return this;
    }

    /**
     * An episode closes once this many seconds pass after the end of its last marker with no
     * further marker of its class, or at session end. Default 300 s (rule 3).
     */
    public RuptureConfigBuilder quietS(double s) {
        this.quietS = s;
        return this;
    }

    /**
     * {@code resolved} needs no marker of the episode's class within this many seconds after
     * the last repair attempt; one that comes makes it {@code partially_resolved}. Default
     * 120 s (rule 4).
     */
    public RuptureConfigBuilder resolvedWindowS(double s) {
        this.resolvedWindowS = s;
        return this;
    }

    /**
     * Whether {@code resolved} also needs a coded client re-engagement after the last repair
     * attempt (within {@link #resolvedWindowS}); without one the episode is {@code
     * partially_resolved}. Default false: re-engagement is optional in DOMAIN.md and many
     * coders do not code it; it is always recorded on the episode when coded.
     */
    public RuptureConfigBuilder requireReengagement(boolean require) {
        this.requireReengagement = require;
        return this;
    }

    /**
     * Client codes that count as re-engagement (rule 4). Default {@code AFF_CONCERN} (a clear,
     * explicit emotion: VR-CoDES concern).
     */
    public RuptureConfigBuilder reengagementCodes(List<String> codes) {
        this.reengagementCodes = List.copyOf(codes);
        return this;
    }

    /**
     * Values of a client annotation's {@code reengagement} or {@code stage} modifier that
     * count as re-engagement (any case; '-' and spaces read as '_'). Default {@code
     * self_assertion}, {@code elaboration}, {@code vulnerability} (the end points of the
     * withdrawal and confrontation paths in Safran &amp; Muran 2000, and elaboration on the
     * therapist's invitation).
     */
    public RuptureConfigBuilder reengagementValues(List<String> values) {
        this.reengagementValues = List.copyOf(values);
        return this;
    }

    /** Length of the 3RS roll-up segments, seconds from media start. Default 300 s (rule 6). */
    public RuptureConfigBuilder segmentS(double s) {
        this.segmentS = s;
        return this;
    }

    /**
     * ISTDP overlay: a pressure intervention (explore feeling, challenge defence) starting at
     * most this many seconds after an above-threshold cue is flagged. Default 30 s (rule 7).
     */
    public RuptureConfigBuilder pressureWindowS(double s) {
        this.pressureWindowS = s;
        return this;
    }

    // ---- missed opportunities (DOMAIN.md section 5) ----------------------------------

    /** Triggers before this time (seconds from media start) are ignored. Default 120 s. */
    public RuptureConfigBuilder settleS(double s) {
        this.settleS = s;
        return this;
    }

    /**
     * A coded ANX_* cue is a trigger when its intensity is at least this, or when no
     * intensity is coded. Default 2 (of 1-3).
     */
    public RuptureConfigBuilder minCueIntensity(int intensity) {
        this.minCueIntensity = intensity;
        return this;
    }

    /** Episode-onset response window starts this many seconds before the onset. Default 10 s. */
    public RuptureConfigBuilder episodeLookbackS(double s) {
        this.episodeLookbackS = s;
        return this;
    }

    /** Episode-onset response window ends this many seconds after the onset. Default 30 s. */
    public RuptureConfigBuilder episodeResponseS(double s) {
        this.episodeResponseS = s;
        return this;
    }

    /** Coded-cue response window [t, t + this] without coded turns. Default 10 s. */
    public RuptureConfigBuilder cueResponseS(double s) {
        this.cueResponseS = s;
        return this;
    }

    /**
     * Whether a coded client turn ({@code TURN_CL}) containing the cue sets the cue's window
     * end to the turn end + {@link #turnGraceS} (VR-CoDES "next turn"). Default true.
     */
    public RuptureConfigBuilder useTurns(boolean use) {
        this.useTurns = use;
        return this;
    }

    /** Seconds after the end of the client's turn still counted as the response. Default 5 s. */
    public RuptureConfigBuilder turnGraceS(double s) {
        this.turnGraceS = s;
        return this;
    }

    /**
     * An anxiety episode is voiced when a coded client cue overlaps [onset - this, end].
     * Default 30 s, as {@code ScoringConfig.cueLookbackS} (SCR latency).
     */
    public RuptureConfigBuilder voicedCueLookbackS(double s) {
        this.voicedCueLookbackS = s;
        return this;
    }

    /**
     * Post-trigger response windows of the sensitivity table, seconds. Default 5, 10, 20, 30.
     */
    public RuptureConfigBuilder sensitivityWindowsS(List<Double> windows) {
        this.sensitivityWindowsS = List.copyOf(windows);
        return this;
    }

    /** A safety event needs a therapist code within this many seconds. Default 60 s (2.7). */
    public RuptureConfigBuilder safetyResponseS(double s) {
        this.safetyResponseS = s;
        return this;
    }

    // ---- review priority --------------------------------------------------------------

    /**
     * Width of a priority tier: the within-tier term stays below it, so a higher tier always
     * ranks first. Default 1000.
     */
    public RuptureConfigBuilder priorityTierStep(double step) {
        this.priorityTierStep = step;
        return this;
    }

    /** Load at which the within-tier term reaches half a tier. Default 20. */
    public RuptureConfigBuilder priorityHalfLoad(double load) {
        this.priorityHalfLoad = load;
        return this;
    }

    /** Load per safety event without a therapist response. Default 10. */
    public RuptureConfigBuilder weightUnansweredSafety(double w) {
        this.weightUnansweredSafety = w;
        return this;
    }

    /** Load per safety event with a therapist response. Default 5. */
    public RuptureConfigBuilder weightSafety(double w) {
        this.weightSafety = w;
        return this;
    }

    /** Load per unaddressed rupture episode (W or C). Default 4. */
    public RuptureConfigBuilder weightUnaddressed(double w) {
        this.weightUnaddressed = w;
        return this;
    }

    /** Load per escalated rupture episode (W or C). Default 3. */
    public RuptureConfigBuilder weightEscalated(double w) {
        this.weightEscalated = w;
        return this;
    }

    /** Load per missed-opportunity candidate. Default 2. */
    public RuptureConfigBuilder weightMissed(double w) {
        this.weightMissed = w;
        return this;
    }

    /** Load per pressure-above-threshold candidate. Default 2. */
    public RuptureConfigBuilder weightPressure(double w) {
        this.weightPressure = w;
        return this;
    }

    /** Load per unvoiced-arousal candidate. Default 1. */
    public RuptureConfigBuilder weightUnvoiced(double w) {
        this.weightUnvoiced = w;
        return this;
    }

    /** Load per unit of anxiety burden ({@code ReviewPriority.priority}). Default 1. */
    public RuptureConfigBuilder weightAnxiety(double w) {
        this.weightAnxiety = w;
        return this;
    }

    /**
     * Checks every option and builds the configuration.
     *
     * @throws IllegalArgumentException naming the first invalid option and its value
     */
    public RuptureConfig build() {
        reengagementCodes = normalize(reengagementCodes, true);
        reengagementValues = normalize(reengagementValues, false);
        for (String c : reengagementCodes) {
            check(CodeTaxonomy.isCanonical(c),
                    "reengagementCodes: '" + c + "' is not a canonical code");
        }
        nonNegative("mergeGapS", mergeGapS);
        nonNegative("repairWindowS", repairWindowS);
        positive("quietS", quietS);
        check(quietS >= mergeGapS, "quietS (" + quietS + ") must not be below mergeGapS ("
                + mergeGapS + ")");
        nonNegative("resolvedWindowS", resolvedWindowS);
        positive("segmentS", segmentS);
        nonNegative("pressureWindowS", pressureWindowS);
        nonNegative("settleS", settleS);
        check(minCueIntensity >= 1, "minCueIntensity must be >= 1, got " + minCueIntensity);
        nonNegative("episodeLookbackS", episodeLookbackS);
        nonNegative("episodeResponseS", episodeResponseS);
        nonNegative("cueResponseS", cueResponseS);
        nonNegative("turnGraceS", turnGraceS);
        nonNegative("voicedCueLookbackS", voicedCueLookbackS);
        check(!sensitivityWindowsS.isEmpty(), "sensitivityWindowsS must not be empty");
        double prev = Double.NEGATIVE_INFINITY;
        for (Double w : sensitivityWindowsS) {
            check(w != null && Double.isFinite(w) && w > prev,
                    "sensitivityWindowsS must be finite and strictly ascending, got "
                            + sensitivityWindowsS);
            prev = w;
        }
        check(sensitivityWindowsS.get(0) >= 0, "sensitivityWindowsS must be >= 0");
        nonNegative("safetyResponseS", safetyResponseS);
        positive("priorityTierStep", priorityTierStep);
        positive("priorityHalfLoad", priorityHalfLoad);
        nonNegative("weightUnansweredSafety", weightUnansweredSafety);
        nonNegative("weightSafety", weightSafety);
        nonNegative("weightUnaddressed", weightUnaddressed);
        nonNegative("weightEscalated", weightEscalated);
        nonNegative("weightMissed", weightMissed);
        nonNegative("weightPressure", weightPressure);
        nonNegative("weightUnvoiced", weightUnvoiced);
        nonNegative("weightAnxiety", weightAnxiety);
        return new RuptureConfig(this);
    }

    private static List<String> normalize(List<String> in, boolean upper) {
        List<String> out = new ArrayList<>();
        for (String s : in) {
            check(s != null && !s.isBlank(), "code and value lists must not hold blanks");
            String t = s.trim();
            out.add(upper ? t.toUpperCase(Locale.ROOT)
                    : t.toLowerCase(Locale.ROOT).replaceAll("[-\\s]+", "_"));
        }
        return out;
    }

    private static void positive(String name, double v) {
        check(Double.isFinite(v) && v > 0, name + " must be > 0, got " + v);
    }

    private static void nonNegative(String name, double v) {
        check(Double.isFinite(v) && v >= 0, name + " must be >= 0, got " + v);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("Invalid rupture configuration: " + message);
        }
    }
}
