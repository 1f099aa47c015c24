package org.sessionreview.config;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.sessionreview.Version;
import org.sessionreview.scoring.StoredBaselines;
import org.sessionreview.scoring.trends.TrendConfig;

/**
 * The whole pipeline's configuration: one validated settings object per component (features,
 * scoring, rupture, synchrony, trends, ingest), each handed to the steps that use it. Every option
 * is declared once in a {@code *Options} class ({@link #ALL}); {@link #parameters()} lists every
 * declared option with its value, and exactly that set goes into the Parquet footers ({@link
 * #provenance}) and run.json ({@link #describe()}). The analysis window (length and hop) is
 * declared in {@link FeatureOptions} and copied into {@link ScoringConfig}, so the two cannot
 * disagree.
 */
public final class PipelineConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The methods behind each table, written into Parquet footers and run.json. */
    public static final String METHODS = String.join(
            " ",
            "Numbers below are the defaults; the parameter entries (one per declared option) hold the values used.",
            "Quality: EDA < 0.05 uS, > 60 uS or jumps > 10 uS/s masked; EDA motion spikes (steep EDA change with an ACC"
                    + " jerk within 1 s), temperature off wrist (25-40 degC, fast falls), gross movement (mean"
                    + " amplitude deviation of |ACC| >= 0.09 g per 1 s; Vaha-Ypya et al. 2015), gaps > 3 s between accepted beats and channels that stop early are"
                    + " written to artifacts/ (Kleckner et al. 2018; Taylor et al. 2015).",
            "EDA: NeuroKit2 cleaning (4th-order 3 Hz low-pass, skipped at <= 6 Hz); streaming tonic = the"
                    + " 0.05 Hz zero-phase Butterworth response cut at +-15 s (tapered), phasic = EDA - tonic,"
                    + " processed in 60 s cores with 30 s context and 20 s look-ahead; SCR = phasic rise >= the"
                    + " absolute amplitude threshold with rise time 0.5-5 s, with onset, peak, amplitude, rise and"
                    + " half-recovery (scr/). Batch NeuroKit2-compatible method available (EdaProcess.whole).",
            "Cardiac: device IBIs cleaned (0.3-2.0 s, within 20 % of the median of 5 neighbours a side);"
                    + " beats from BVP (0.5-8 Hz band-pass, Elgendi peaks, amplitude and interval rejection) fill"
                    + " the device's gaps for HR (beats/); HR, RMSSD, SDNN, pNN50 over a trailing 60 s from"
                    + " device beats; LF 0.04-0.15 Hz and HF 0.15-0.4 Hz by Lomb-Scargle over a trailing 180 s"
                    + " (Task Force 1996).",
            "Motion: ACC magnitude in g; mean absolute deviation; 2-6 Hz band power and its dominant frequency"
                    + " (4 s Hann frames, FFT); windows with >= 10 s of gross movement are not scored.",
            "Temperature: least-squares slope over the trailing 60 s with the off-wrist guard; its z against the"
                    + " baseline median slope but at most scoring.temp_slope.max_reference_c_per_min (a warming"
                    + " calibration is no reference).",
            "Anxiety index: weighted mean of robust z (median, 1.4826 MAD, floors; Leys et al. 2013) against the"
                    + " wearer's baseline (coded BASELINE stretch, stored baseline, or minutes 2-6) over channels"
                    + " passing quality (DOMAIN.md 4.0), each channel's signed contribution counted at least -3 z"
                    + " (a channel far below baseline does not cancel the others' rise); episodes by hysteresis, entered only with"
                    + " channel concordance (the index without its strongest channel), starting at the onset of the"
                    + " change: one onset shared by the rising channels' two-phase regressions (line, then line plus"
                    + " the window average of a power-law rise, exponent 1.2, levelling off after 0, 5, 10, 20, 40 or"
                    + " 80 s or not at all; Hinkley 1971, Muggeo 2003), each channel's level before the onset a line"
                    + " or a random walk without drift, whichever leaves the smaller residual variance per value;"
                    + " onset and ramp chosen by profile likelihood,"
                    + " never after the first elevated window.");

    /** Every declared option of the pipeline, component by component. */
    public static final List<ConfigOption<?>> ALL = FeatureConfig.concat(
            FeatureConfig.ALL,
            ScoringConfig.ALL,
            RuptureConfig.ALL,
            SynchronyConfig.ALL,
            TrendOptions.ALL,
            IngestOptions.ALL);

    private final FeatureConfig features;
    private final ScoringConfig scoring;
    private final RuptureConfig rupture;
    private final SynchronyConfig synchrony;
    private final Settings trends;
    private final Settings ingest;
    private final StoredBaselines storedBaselines;

    private PipelineConfig(
            FeatureConfig features,
            ScoringConfig scoring,
            RuptureConfig rupture,
            SynchronyConfig synchrony,
            Settings trends,
            Settings ingest,
            StoredBaselines storedBaselines) {
        this.features = Objects.requireNonNull(features, "features");
        this.scoring = Objects.requireNonNull(scoring, "scoring")
                .withWindow(features.hopSeconds(), features.windowSeconds(), features.get(CardiacOptions.TIME_SPAN_S));
        this.rupture = Objects.requireNonNull(rupture, "rupture");
        this.synchrony = Objects.requireNonNull(synchrony, "synchrony");
        this.trends = trends;
        this.ingest = ingest;
        this.storedBaselines = Objects.requireNonNull(storedBaselines, "storedBaselines");
    }

    /** Every component at its defaults. */
    public static PipelineConfig defaults() {
        return builder().build();
    }

    /** A builder holding every default; set any declared option by its declaration or key. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.features = features.toBuilder();
        b.scoring = scoring.toBuilder();
        b.rupture = rupture.toBuilder();
        b.synchrony = synchrony.toBuilder();
        b.trends = new Settings.Builder<>(trends, s -> s);
        b.ingest = new Settings.Builder<>(ingest, IngestOptions::checked);
        b.storedBaselines = storedBaselines;
        return b;
    }

    /** The same configuration with stored baselines from earlier runs. */
    public PipelineConfig withStoredBaselines(StoredBaselines baselines) {
        return new PipelineConfig(features, scoring, rupture, synchrony, trends, ingest, baselines);
    }

    public FeatureConfig features() {
        return features;
    }

    public ScoringConfig scoring() {
        return scoring;
    }

    /** Rupture, missed-opportunity, safety and coded-priority settings. */
    public RuptureConfig rupture() {
        return rupture;
    }

    /** Dyadic synchrony settings (DOMAIN.md 4.3). */
    public SynchronyConfig synchrony() {
        return synchrony;
    }

    /** Settings of the longitudinal client table. */
    public TrendConfig trends() {
        return new TrendConfig(
                trends.get(TrendOptions.LAST_N),
                trends.get(TrendOptions.HIGH_BURDEN_S),
                trends.get(TrendOptions.DECLINE_ALPHA));
    }

    /** Longest E4 recording read per channel, hours. */
    public double e4MaxDurationHours() {
        return ingest.get(IngestOptions.E4_MAX_DURATION_H);
    }

    /** An ingest option's value ({@link IngestOptions}). */
    public double ingest(ConfigOption<Double> option) {
        return ingest.get(option);
    }

    public StoredBaselines storedBaselines() {
        return storedBaselines;
    }

    /** Every declared option's key to its value as text, sorted by key: what shaped the numbers. */
    public Map<String, String> parameters() {
        Map<String, String> out = new TreeMap<>();
        out.putAll(features.parameters());
        out.putAll(scoring.parameters());
        out.putAll(rupture.parameters());
        out.putAll(synchrony.parameters());
        out.putAll(trends.asText());
        out.putAll(ingest.asText());
        return Collections.unmodifiableMap(out);
    }

    /** The parameters for run.json: exactly {@link #parameters()}. */
    public Map<String, Object> describe() {
        return new TreeMap<>(parameters());
    }

    /**
     * Footer key/values for every output table: version, the git commit of the build ({@link
     * Version#commit()}, as run.json's {@code tool.commit}: a SNAPSHOT version alone names no
     * build), Flink version, methods, pseudonym key source and {@link #parameters()}.
     */
    public Map<String, String> provenance(boolean demoKey) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("version", Version.project());
        out.put("commit", Version.commit());
        out.put("flink_version", Version.flink());
        out.put("methods", METHODS);
        out.put("pseudonym_key", demoKey ? "demo (public key: synthetic data only)" : "site key");
        out.putAll(parameters());
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PipelineConfig c
                && parameters().equals(c.parameters())
                && storedBaselines.equals(c.storedBaselines);
    }

    @Override
    public int hashCode() {
        return parameters().hashCode();
    }

    @Override
    public String toString() {
        return "PipelineConfig" + parameters();
    }

    /** Collects the components' values; {@link #build()} checks the rules within each component. */
    public static final class Builder {
        private Settings.Builder<FeatureConfig> features = FeatureConfig.builder();
        private Settings.Builder<ScoringConfig> scoring = ScoringConfig.builder();
        private Settings.Builder<RuptureConfig> rupture = RuptureConfig.builder();
        private Settings.Builder<SynchronyConfig> synchrony = SynchronyConfig.builder();
        private Settings.Builder<Settings> trends = new Settings.Builder<>(TrendOptions.ALL, s -> s);
        private Settings.Builder<Settings> ingest = new Settings.Builder<>(IngestOptions.ALL, IngestOptions::checked);
        private StoredBaselines storedBaselines = StoredBaselines.none();

        private Builder() {}

        /** Sets any declared option. */
        public <T> Builder set(ConfigOption<T> option, T value) {
            owner(option.key()).set(option, value);
            return this;
        }

        /** Sets a declared option from text, as {@code --set key=value}. */
        public Builder setText(String key, String text) {
            owner(key).setText(key, text);
            return this;
        }

        /** Personal baselines from earlier runs ({@code --baselines FILE}). */
        public Builder storedBaselines(StoredBaselines baselines) {
            this.storedBaselines = Objects.requireNonNull(baselines, "baselines");
            return this;
        }

        private Settings.Builder<?> owner(String key) {
            for (Settings.Builder<?> b : List.of(features, scoring, rupture, synchrony, trends, ingest)) {
                if (b.declares(key)) {
                    return b;
                }
            }
            throw new IllegalArgumentException("unknown option " + key + " (see review --list-options)");
        }

        /** @throws IllegalArgumentException naming the keys of the first violated rule */
        public PipelineConfig build() {
            return new PipelineConfig(
                    features.build(),
                    scoring.build(),
                    rupture.build(),
                    synchrony.build(),
                    trends.build(),
                    ingest.build(),
                    storedBaselines);
        }
    }
}
