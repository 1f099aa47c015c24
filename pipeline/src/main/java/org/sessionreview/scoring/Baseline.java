package org.sessionreview.scoring;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
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
    /** The calibration stretch the medians came from, seconds from media start; null if another source. */
    private final double[] stretch;

    private Baseline(String source, EnumMap<Feature, FeatureBaseline> features, double[] stretch) {
        this.source = source;
        this.features = features;
        this.stretch = stretch;
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
        return new Baseline(source + "; " + note, new EnumMap<>(features), stretch);
    }

    /**
     * The same baseline, marked as taken from the calibration stretch {@code [fromS, toS]}
     * (seconds from media start): the configured one, or the later one a settling wearer gave
     * ({@link SettlingCheck}). {@link DriftFollowingLevel} anchors its tonic floor there.
     */
    public Baseline fromStretch(double fromS, double toS) {
        return new Baseline(source, new EnumMap<>(features), new double[] {fromS, toS});
    }

    /**
     * The calibration stretch {@code {from, to}} (seconds from media start) the medians came
     * from; empty for a coded, stored or whole-session baseline.
     */
    public Optional<double[]> stretch() {
        return stretch == null ? Optional.empty() : Optional.of(stretch.clone());
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
        return source.equals(b.source) && features.equals(b.features) && java.util.Arrays.equals(stretch, b.stretch);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, features, java.util.Arrays.hashCode(stretch));
    }

    @Override
    public String toString() {
        return "Baseline{" + source + " " + features + "}";
    }

    /** Collects feature baselines; {@link #build()} may be called once per builder. */
    public static final class Builder {
        private final String source;
        private final EnumMap<Feature, FeatureBaseline> features = new EnumMap<>(Feature.class);

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

        public Baseline build() {
            return new Baseline(source, new EnumMap<>(features), null);
        }
    }
}
