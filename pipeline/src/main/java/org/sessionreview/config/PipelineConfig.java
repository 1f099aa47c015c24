package org.sessionreview.config;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.sessionreview.Version;
import org.sessionreview.scoring.StoredBaselines;

/**
 * The whole pipeline's configuration: feature extraction and scoring, declared once and handed to
 * the operators that need them. The analysis window (length and hop) is declared in
 * {@link FeatureConfig} and copied into {@link ScoringConfig}, so the two cannot disagree.
 */
public final class PipelineConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The methods behind each table, written into Parquet footers and run.json. */
    public static final String METHODS = String.join(" ",
            "EDA: samples < min EDA or with jumps over the max jump rate are masked; tonic = causal low-pass;"
                    + " SCR = phasic trough-to-peak rise >= the minimum amplitude, rise time in range.",
            "Cardiac: device IBIs cleaned by range and deviation from the local median; HR = 60 / mean IBI;"
                    + " RMSSD over adjacent accepted beats; device HR when no IBIs.",
            "Motion: ACC magnitude in g; mean absolute deviation; 2-6 Hz band power (Hann-windowed FFT frames).",
            "Temperature: least-squares slope with an off-wrist range guard.",
            "Anxiety index: weighted mean of robust z (median, MAD) against the wearer's calibration"
                    + " baseline over channels passing quality (DOMAIN.md 4.0); episodes by hysteresis.");

    private final FeatureConfig features;
    private final ScoringConfig scoring;
    private final StoredBaselines storedBaselines;

    public PipelineConfig(FeatureConfig features, ScoringConfig scoring) {
        this(features, scoring, StoredBaselines.none());
    }

    /**
     * @param storedBaselines personal baselines from earlier runs ({@code --baselines FILE}), used
     *     when a session codes no BASELINE stretch
     */
    public PipelineConfig(FeatureConfig features, ScoringConfig scoring, StoredBaselines storedBaselines) {
        this.features = Objects.requireNonNull(features, "features");
        this.scoring = Objects.requireNonNull(scoring, "scoring").toBuilder()
                .window(features.hopSeconds(), features.windowSeconds())
                .build();
        this.storedBaselines = Objects.requireNonNull(storedBaselines, "storedBaselines");
    }

    /** The same configuration with stored baselines from earlier runs. */
    public PipelineConfig withStoredBaselines(StoredBaselines baselines) {
        return new PipelineConfig(features, scoring, baselines);
    }

    public StoredBaselines storedBaselines() {
        return storedBaselines;
    }

    public static PipelineConfig defaults() {
        return new PipelineConfig(FeatureConfig.defaults(), ScoringConfig.defaults());
    }

    public FeatureConfig features() {
        return features;
    }

    public ScoringConfig scoring() {
        return scoring;
    }

    /** Every parameter by name, for run.json. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.putAll(features.asMetadata());
        out.putAll(scoring.asMetadata());
        out.put("baselines.stored_people", storedBaselines.people().size());
        return out;
    }

    /** Footer key/values for every output table: version, methods, parameters. */
    public Map<String, String> provenance(boolean demoKey) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("version", Version.project());
        out.put("flink_version", Version.flink());
        out.put("methods", METHODS);
        out.put("pseudonym_key", demoKey ? "demo (public key: synthetic data only)" : "site key");
        features.asMetadata().forEach(out::put);
        scoring.asMetadata().forEach(out::put);
        return out;
    }
}
