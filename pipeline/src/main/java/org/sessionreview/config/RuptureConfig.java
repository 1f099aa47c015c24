package org.sessionreview.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.sessionreview.taxonomy.CodeTaxonomy;

/**
 * Parameters of the coded-event rules: rupture-repair episodes and the 3RS roll-up (DOMAIN.md
 * section 3), the ISTDP pressure overlay (3.7), missed therapeutic opportunities (section 5),
 * safety (2.7) and the coded part of the review priority. Every value is this project's
 * [proposal] default, not a published standard. Immutable and {@link Serializable}; the only way
 * in is {@link #builder()}, whose {@link Builder#build()} names the offending option.
 *
 * <p>Each option is documented once, on its builder setter, with unit and default. {@link
 * #asMetadata()} lists every option so outputs can say which parameters produced them.
 *
 * <p>References: Eubanks, Muran &amp; Safran 2015, <i>Rupture Resolution Rating System (3RS):
 * Manual</i>; Safran &amp; Muran 2000, <i>Negotiating the Therapeutic Alliance</i>; Zimmermann et
 * al. 2011 (VR-CoDES); Del Piccolo et al. 2011 (VR-CoDES-P); Abbass &amp; Town 2021.
 */
public final class RuptureConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double mergeGapS;
    private final double repairWindowS;
    private final double quietS;
    private final double resolvedWindowS;
    private final boolean requireReengagement;
    private final ArrayList<String> reengagementCodes;
    private final ArrayList<String> reengagementValues;
    private final double segmentS;
    private final double pressureWindowS;
    private final double settleS;
    private final int minCueIntensity;
    private final double episodeLookbackS;
    private final double episodeResponseS;
    private final double cueResponseS;
    private final boolean useTurns;
    private final double turnGraceS;
    private final double voicedCueLookbackS;
    private final ArrayList<Double> sensitivityWindowsS;
    private final double safetyResponseS;
    private final double priorityTierStep;
    private final double priorityHalfLoad;
    private final double weightUnansweredSafety;
    private final double weightSafety;
    private final double weightUnaddressed;
    private final double weightEscalated;
    private final double weightMissed;
    private final double weightPressure;
    private final double weightUnvoiced;
    private final double weightAnxiety;

    private RuptureConfig(Builder b) {
        mergeGapS = b.mergeGapS;
        repairWindowS = b.repairWindowS;
        quietS = b.quietS;
        resolvedWindowS = b.resolvedWindowS;
        requireReengagement = b.requireReengagement;
        reengagementCodes = new ArrayList<>(b.reengagementCodes);
        reengagementValues = new ArrayList<>(b.reengagementValues);
        segmentS = b.segmentS;
        pressureWindowS = b.pressureWindowS;
        settleS = b.settleS;
        minCueIntensity = b.minCueIntensity;
        episodeLookbackS = b.episodeLookbackS;
        episodeResponseS = b.episodeResponseS;
        cueResponseS = b.cueResponseS;
        useTurns = b.useTurns;
        turnGraceS = b.turnGraceS;
        voicedCueLookbackS = b.voicedCueLookbackS;
        sensitivityWindowsS = new ArrayList<>(b.sensitivityWindowsS);
        safetyResponseS = b.safetyResponseS;
        priorityTierStep = b.priorityTierStep;
        priorityHalfLoad = b.priorityHalfLoad;
        weightUnansweredSafety = b.weightUnansweredSafety;
        weightSafety = b.weightSafety;
        weightUnaddressed = b.weightUnaddressed;
        weightEscalated = b.weightEscalated;
        weightMissed = b.weightMissed;
        weightPressure = b.weightPressure;
        weightUnvoiced = b.weightUnvoiced;
        weightAnxiety = b.weightAnxiety;
    }

    /** A builder holding the defaults documented on its setters. */
    public static Builder builder() {
        return new Builder();
    }

    /** The project defaults. */
    public static RuptureConfig defaults() {
        return builder().build();
    }

    /** A builder preset with this configuration's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    // Getters: see the matching Builder setter for unit, default and meaning.

    public double mergeGapS() { return mergeGapS; }

    public double repairWindowS() { return repairWindowS; }

    public double quietS() { return quietS; }

    public double resolvedWindowS() { return resolvedWindowS; }

    public boolean requireReengagement() { return requireReengagement; }

    /** Upper-case canonical codes, in the order given. */
    public List<String> reengagementCodes() { return List.copyOf(reengagementCodes); }

    /** Lower-case modifier values, in the order given. */
    public List<String> reengagementValues() { return List.copyOf(reengagementValues); }

    public double segmentS() { return segmentS; }

    public double pressureWindowS() { return pressureWindowS; }

    public double settleS() { return settleS; }

    public int minCueIntensity() { return minCueIntensity; }

    public double episodeLookbackS() { return episodeLookbackS; }

    public double episodeResponseS() { return episodeResponseS; }

    public double cueResponseS() { return cueResponseS; }

    public boolean useTurns() { return useTurns; }

    public double turnGraceS() { return turnGraceS; }

    public double voicedCueLookbackS() { return voicedCueLookbackS; }

    /** Ascending. */
    public List<Double> sensitivityWindowsS() { return List.copyOf(sensitivityWindowsS); }

    public double safetyResponseS() { return safetyResponseS; }

    public double priorityTierStep() { return priorityTierStep; }

    public double priorityHalfLoad() { return priorityHalfLoad; }

    public double weightUnansweredSafety() { return weightUnansweredSafety; }

    public double weightSafety() { return weightSafety; }

    public double weightUnaddressed() { return weightUnaddressed; }

    public double weightEscalated() { return weightEscalated; }

    public double weightMissed() { return weightMissed; }

    public double weightPressure() { return weightPressure; }

    public double weightUnvoiced() { return weightUnvoiced; }

    public double weightAnxiety() { return weightAnxiety; }

    /** Every option as {@code rupture.<name>} to its value, in declaration order. */
    public Map<String, String> asMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("rupture.merge_gap_s", num(mergeGapS));
        m.put("rupture.repair_window_s", num(repairWindowS));
        m.put("rupture.quiet_s", num(quietS));
        m.put("rupture.resolved_window_s", num(resolvedWindowS));
        m.put("rupture.require_reengagement", Boolean.toString(requireReengagement));
        m.put("rupture.reengagement_codes", String.join(";", reengagementCodes));
        m.put("rupture.reengagement_values", String.join(";", reengagementValues));
        m.put("rupture.segment_s", num(segmentS));
        m.put("rupture.pressure_window_s", num(pressureWindowS));
        m.put("opportunity.settle_s", num(settleS));
        m.put("opportunity.min_cue_intensity", Integer.toString(minCueIntensity));
        m.put("opportunity.episode_lookback_s", num(episodeLookbackS));
        m.put("opportunity.episode_response_s", num(episodeResponseS));
        m.put("opportunity.cue_response_s", num(cueResponseS));
        m.put("opportunity.use_turns", Boolean.toString(useTurns));
        m.put("opportunity.turn_grace_s", num(turnGraceS));
        m.put("opportunity.voiced_cue_lookback_s", num(voicedCueLookbackS));
        List<String> w = new ArrayList<>();
        sensitivityWindowsS.forEach(v -> w.add(num(v)));
        m.put("opportunity.sensitivity_windows_s", String.join(";", w));
        m.put("safety.response_s", num(safetyResponseS));
        m.put("priority.tier_step", num(priorityTierStep));
        m.put("priority.half_load", num(priorityHalfLoad));
        m.put("priority.weight.unanswered_safety", num(weightUnansweredSafety));
        m.put("priority.weight.safety", num(weightSafety));
        m.put("priority.weight.unaddressed_rupture", num(weightUnaddressed));
        m.put("priority.weight.escalated_rupture", num(weightEscalated));
        m.put("priority.weight.missed_opportunity", num(weightMissed));
        m.put("priority.weight.pressure_above_threshold", num(weightPressure));
        m.put("priority.weight.unvoiced_arousal", num(weightUnvoiced));
        m.put("priority.weight.anxiety_burden", num(weightAnxiety));
        return Collections.unmodifiableMap(m);
    }

    private static String num(double v) {
        return Double.toString(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuptureConfig && asMetadata().equals(((RuptureConfig) o).asMetadata());
    }

    @Override
    public int hashCode() {
        return Objects.hash(asMetadata());
    }

    @Override
    public String toString() {
        return "RuptureConfig" + asMetadata();
    }

    /** Builder for {@link RuptureConfig}; {@link #build()} validates. */
    public static final class Builder {
        private double mergeGapS = 120;
        private double repairWindowS = 300;
        private double quietS = 300;
        private double resolvedWindowS = 120;
        private boolean requireReengagement = false;
        private List<String> reengagementCodes = List.of("AFF_CONCERN");
        private List<String> reengagementValues =
                List.of("self_assertion", "elaboration", "vulnerability");
        private double segmentS = 300;
        private double pressureWindowS = 30;
        private double settleS = 120;
        private int minCueIntensity = 2;
        private double episodeLookbackS = 10;
        private double episodeResponseS = 30;
        private double cueResponseS = 10;
        private boolean useTurns = true;
        private double turnGraceS = 5;
        private double voicedCueLookbackS = 30;
        private List<Double> sensitivityWindowsS = List.of(5.0, 10.0, 20.0, 30.0);
        private double safetyResponseS = 60;
        private double priorityTierStep = 1000;
        private double priorityHalfLoad = 20;
        private double weightUnansweredSafety = 10;
        private double weightSafety = 5;
        private double weightUnaddressed = 4;
        private double weightEscalated = 3;
        private double weightMissed = 2;
        private double weightPressure = 2;
        private double weightUnvoiced = 1;
        private double weightAnxiety = 1;

        private Builder() {}

        private Builder(RuptureConfig c) {
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
        public Builder mergeGapS(double s) {
            this.mergeGapS = s;
            return this;
        }

        /**
         * A repair attempt attaches to an open episode when it starts in [episode start, end of
         * its last marker + this]. Default 300 s (rule 2). A repair can only attach while the
         * episode is open, so values above {@link #quietS} act as {@code quietS}.
         */
        public Builder repairWindowS(double s) {
            this.repairWindowS = s;
            return this;
        }

        /**
         * An episode closes once this many seconds pass after the end of its last marker with no
         * further marker of its class, or at session end. Default 300 s (rule 3).
         */
        public Builder quietS(double s) {
            this.quietS = s;
            return this;
        }

        /**
         * {@code resolved} needs no marker of the episode's class within this many seconds after
         * the last repair attempt; one that comes makes it {@code partially_resolved}. Default
         * 120 s (rule 4).
         */
        public Builder resolvedWindowS(double s) {
            this.resolvedWindowS = s;
            return this;
        }

        /**
         * Whether {@code resolved} also needs a coded client re-engagement after the last repair
         * attempt (within {@link #resolvedWindowS}); without one the episode is {@code
         * partially_resolved}. Default false: re-engagement is optional in DOMAIN.md and many
         * coders do not code it; it is always recorded on the episode when coded.
         */
        public Builder requireReengagement(boolean require) {
            this.requireReengagement = require;
            return this;
        }

        /**
         * Client codes that count as re-engagement (rule 4). Default {@code AFF_CONCERN} (a clear,
         * explicit emotion: VR-CoDES concern).
         */
        public Builder reengagementCodes(List<String> codes) {
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
        public Builder reengagementValues(List<String> values) {
            this.reengagementValues = List.copyOf(values);
            return this;
        }

        /** Length of the 3RS roll-up segments, seconds from media start. Default 300 s (rule 6). */
        public Builder segmentS(double s) {
            this.segmentS = s;
            return this;
        }

        /**
         * ISTDP overlay: a pressure intervention (explore feeling, challenge defence) starting at
         * most this many seconds after an above-threshold cue is flagged. Default 30 s (rule 7).
         */
        public Builder pressureWindowS(double s) {
            this.pressureWindowS = s;
            return this;
        }

        // ---- missed opportunities (DOMAIN.md section 5) ----------------------------------

        /** Triggers before this time (seconds from media start) are ignored. Default 120 s. */
        public Builder settleS(double s) {
            this.settleS = s;
            return this;
        }

        /**
         * A coded ANX_* cue is a trigger when its intensity is at least this, or when no
         * intensity is coded. Default 2 (of 1-3).
         */
        public Builder minCueIntensity(int intensity) {
            this.minCueIntensity = intensity;
            return this;
        }

        /** Episode-onset response window starts this many seconds before the onset. Default 10 s. */
        public Builder episodeLookbackS(double s) {
            this.episodeLookbackS = s;
            return this;
        }

        /** Episode-onset response window ends this many seconds after the onset. Default 30 s. */
        public Builder episodeResponseS(double s) {
            this.episodeResponseS = s;
            return this;
        }

        /** Coded-cue response window [t, t + this] without coded turns. Default 10 s. */
        public Builder cueResponseS(double s) {
            this.cueResponseS = s;
            return this;
        }

        /**
         * Whether a coded client turn ({@code TURN_CL}) containing the cue sets the cue's window
         * end to the turn end + {@link #turnGraceS} (VR-CoDES "next turn"). Default true.
         */
        public Builder useTurns(boolean use) {
            this.useTurns = use;
            return this;
        }

        /** Seconds after the end of the client's turn still counted as the response. Default 5 s. */
        public Builder turnGraceS(double s) {
            this.turnGraceS = s;
            return this;
        }

        /**
         * An anxiety episode is voiced when a coded client cue overlaps [onset - this, end].
         * Default 30 s, as {@code ScoringConfig.cueLookbackS} (SCR latency).
         */
        public Builder voicedCueLookbackS(double s) {
            this.voicedCueLookbackS = s;
            return this;
        }

        /**
         * Post-trigger response windows of the sensitivity table, seconds. Default 5, 10, 20, 30.
         */
        public Builder sensitivityWindowsS(List<Double> windows) {
            this.sensitivityWindowsS = List.copyOf(windows);
            return this;
        }

        /** A safety event needs a therapist code within this many seconds. Default 60 s (2.7). */
        public Builder safetyResponseS(double s) {
            this.safetyResponseS = s;
            return this;
        }

        // ---- review priority --------------------------------------------------------------

        /**
         * Width of a priority tier: the within-tier term stays below it, so a higher tier always
         * ranks first. Default 1000.
         */
        public Builder priorityTierStep(double step) {
            this.priorityTierStep = step;
            return this;
        }

        /** Load at which the within-tier term reaches half a tier. Default 20. */
        public Builder priorityHalfLoad(double load) {
            this.priorityHalfLoad = load;
            return this;
        }

        /** Load per safety event without a therapist response. Default 10. */
        public Builder weightUnansweredSafety(double w) {
            this.weightUnansweredSafety = w;
            return this;
        }

        /** Load per safety event with a therapist response. Default 5. */
        public Builder weightSafety(double w) {
            this.weightSafety = w;
            return this;
        }

        /** Load per unaddressed rupture episode (W or C). Default 4. */
        public Builder weightUnaddressed(double w) {
            this.weightUnaddressed = w;
            return this;
        }

        /** Load per escalated rupture episode (W or C). Default 3. */
        public Builder weightEscalated(double w) {
            this.weightEscalated = w;
            return this;
        }

        /** Load per missed-opportunity candidate. Default 2. */
        public Builder weightMissed(double w) {
            this.weightMissed = w;
            return this;
        }

        /** Load per pressure-above-threshold candidate. Default 2. */
        public Builder weightPressure(double w) {
            this.weightPressure = w;
            return this;
        }

        /** Load per unvoiced-arousal candidate. Default 1. */
        public Builder weightUnvoiced(double w) {
            this.weightUnvoiced = w;
            return this;
        }

        /** Load per unit of anxiety burden ({@code ReviewPriority.priority}). Default 1. */
        public Builder weightAnxiety(double w) {
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
}
