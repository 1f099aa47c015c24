package org.sessionreview.scoring;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A wearer's personal baseline: a {@link FeatureBaseline} (median, MAD) for each feature that
 * had data, and a readable source such as {@code calibration 120-360 s}. Anxiety z-scores are
 * always against the wearer's own baseline, never population thresholds (DOMAIN.md 4.0).
 *
 * <p>Baselines are plain values: {@link BaselineEstimator} computes them from a session's
 * windows, and {@link #builder(String)} lets other sources (a coded BASELINE stretch, a stored
 * per-client baseline from earlier sessions) supply one. Immutable and serializable.
 */
public final class Baseline implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final EnumMap<Feature, FeatureBaseline> features;
    /**
     * The calibration stretch of a calibration baseline, seconds from media start (the configured
     * one, or a settling wearer's later one); null for a coded or stored baseline.
     */
    private final double[] stretch;
    /** Whether {@link #stretch} is a settling wearer's later stretch ({@link SettlingCheck}). */
    private final boolean settled;
    /** A feature's own source where it differs from {@link #source} (a feature that fell back). */
    private final EnumMap<Feature, String> featureSources;

    private Baseline(
            String source,
            EnumMap<Feature, FeatureBaseline> features,
            double[] stretch,
            boolean settled,
            EnumMap<Feature, String> featureSources) {
        this.source = source;
        this.features = features;
        this.stretch = stretch;
        this.settled = settled;
        this.featureSources = featureSources;
    }

    /** Starts a baseline with the given source description (shown in the session row). */
    public static Builder builder(String source) {
        return new Builder(source);
    }

    /**
     * Where the baseline came from, e.g. {@code calibration 120-360 s} or {@code whole session
     * (calibration stretch had 3 usable windows)}.
     */
    public String source() {
        return source;
    }

    /**
     * The same baseline with {@code note} appended to its source ({@code <source>; <note>}), e.g.
     * why a coded stretch was not used.
     */
    public Baseline withNote(String note) {
        EnumMap<Feature, String> noted = new EnumMap<>(Feature.class);
        featureSources.forEach((f, s) -> noted.put(f, s + "; " + note));
        return new Baseline(source + "; " + note, new EnumMap<>(features), stretch, settled, noted);
    }

    /**
     * This baseline, with every feature it lacks taken from {@code own} under {@code own}'s source
     * for that feature: a stored baseline ({@code --baselines}) pools only features that came from
     * a calibration or coded stretch, so a feature that fell back to the whole session in every
     * earlier run is scored against the session's own estimate rather than not at all (review of
     * 2026-12-07: its z was null in every window of the later run).
     */
    public Baseline filledFrom(Baseline own) {
        EnumMap<Feature, FeatureBaseline> all = new EnumMap<>(features);
        EnumMap<Feature, String> sources = new EnumMap<>(featureSources);
        List<String> filled = new java.util.ArrayList<>();
        own.features.forEach((f, b) -> {
            if (all.putIfAbsent(f, b) == null) {
                sources.put(f, own.sourceOf(f));
                filled.add(f.label());
            }
        });
        if (!filled.isEmpty()) {
            features.keySet().forEach(f -> sources.putIfAbsent(f, source)); // the stored rows keep their text
        }
        // the session's baseline_source names the features scored against the session itself
        String named = filled.isEmpty() ? source : source + "; this session's own for " + String.join(", ", filled);
        return new Baseline(named, all, stretch, settled, sources);
    }

    /**
     * Where this feature's median and MAD came from: {@link #source()}, except for a feature that
     * fell back to the whole session while the others came from the stretch, e.g. {@code whole
     * session (calibration stretch had 9 usable windows)} beside {@code calibration 120-360 s}
     * (the {@code baselines/} table's {@code source}, one row per feature).
     */
    public String sourceOf(Feature f) {
        return featureSources.getOrDefault(f, source);
    }

    /**
     * The same baseline, marked as a calibration baseline of the stretch {@code [fromS, toS]}
     * (seconds from media start): the configured one ({@code settled} false; also when features
     * fell back to the whole session), or the later one a settling wearer gave ({@code settled}
     * true, {@link SettlingCheck}). {@link DriftFollowingLevel} anchors its tonic floor there.
     */
    public Baseline fromStretch(double fromS, double toS, boolean settled) {
        return new Baseline(
                source, new EnumMap<>(features), new double[] {fromS, toS}, settled, new EnumMap<>(featureSources));
    }

    /**
     * The calibration stretch {@code {from, to}} (seconds from media start) of a calibration
     * baseline, also when some or all features fell back to the whole session; empty for a coded
     * or stored baseline (their tonic floor is anchored at the configured calibration stretch).
     */
    public Optional<double[]> stretch() {
        return stretch == null ? Optional.empty() : Optional.of(stretch.clone());
    }

    /** Whether the baseline came from a settling wearer's later stretch ({@link SettlingCheck}). */
    public boolean settled() {
        return settled;
    }

    /** This feature's baseline, empty when the wearer had no usable value for it. */
    public Optional<FeatureBaseline> get(Feature f) {
        return Optional.ofNullable(features.get(f));
    }

    /** All features with a baseline, in {@link Feature} order. */
    public Map<Feature, FeatureBaseline> features() {
        return Collections.unmodifiableMap(features);
    }

    /** True when no feature has a baseline (nothing can be scored). */
    public boolean isEmpty() {
        return features.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Baseline)) {
            return false;
        }
        Baseline b = (Baseline) o;
        return source.equals(b.source)
                && features.equals(b.features)
                && java.util.Arrays.equals(stretch, b.stretch)
                && settled == b.settled
                && featureSources.equals(b.featureSources);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, features, java.util.Arrays.hashCode(stretch), settled, featureSources);
    }

    @Override
    public String toString() {
        return "Baseline{" + source + " " + features + "}";
    }

    /** Collects feature baselines; {@link #build()} may be called once per builder. */
    public static final class Builder {
        private final String source;
        private final EnumMap<Feature, FeatureBaseline> features = new EnumMap<>(Feature.class);
        private final EnumMap<Feature, String> featureSources = new EnumMap<>(Feature.class);

        private Builder(String source) {
            if (source == null || source.isBlank()) {
                throw new IllegalArgumentException("a baseline needs a source description");
            }
            this.source = source;
        }

        public Builder put(Feature f, FeatureBaseline b) {
            features.put(Objects.requireNonNull(f, "feature"), Objects.requireNonNull(b, "baseline"));
            return this;
        }

        /** This feature's own source where it differs from the baseline's ({@link #sourceOf}). */
        public Builder source(Feature f, String featureSource) {
            if (featureSource == null || featureSource.isBlank()) {
                throw new IllegalArgumentException("a feature source needs a description");
            }
            featureSources.put(Objects.requireNonNull(f, "feature"), featureSource);
            return this;
        }

        public Baseline build() {
            return new Baseline(source, new EnumMap<>(features), null, false, new EnumMap<>(featureSources));
        }
    }
}
