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
            "Quality: EDA < 0.05 uS or jumps > 10 uS/s masked; EDA motion spikes (steep EDA change with an ACC"
                    + " jerk within 1 s), temperature off wrist (25-40 degC, fast falls), gross movement (3-axis"
                    + " spread >= 0.1 g per 1 s), gaps > 3 s between accepted beats and channels that stop early are"
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
            "Temperature: least-squares slope over the trailing 60 s with the off-wrist guard.",
            "Anxiety index: weighted mean of robust z (median, 1.4826 MAD, floors; Leys et al. 2013) against the"
                    + " wearer's baseline (coded BASELINE stretch, stored baseline, or minutes 2-6) over channels"
                    + " passing quality (DOMAIN.md 4.0); episodes by hysteresis.");

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

    /** Dyadic synchrony settings (DOMAIN.md 4.3); the defaults. */
    public SynchronyConfig synchrony() {
        return SynchronyConfig.defaults();
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
        features.edaConfig().asMetadata().forEach(out::put);
        scoring.asMetadata().forEach(out::put);
        synchrony().asMetadata().forEach(out::put);
        return out;
    }
}
