package org.sessionreview.config;

import static org.sessionreview.config.ConfigOption.real;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Settings of live moments: how often a running session is re-scored provisionally, and how long
 * after its end a provisional moment is held back before it is sent. Immutable and {@link
 * Serializable}; each option is declared here once with unit, default and description. Not part
 * of {@link PipelineConfig}: a review of files has no live moments, so its footers and run.json
 * do not list these options.
 */
public final class LiveMomentsConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final ConfigOption<Double> EVERY_S = real(
                    "live.every_s",
                    30,
                    "s",
                    "A running session is re-scored each time its data horizon passes a multiple of this (session time).")
            .positive();
    public static final ConfigOption<Double> SETTLE_S = real(
                    "live.settle_s",
                    90,
                    "s",
                    "A provisional moment is sent once the data horizon is at least this far past its end (later data can"
                            + " still extend or change it; a missed opportunity's response window is part of the moment).")
            .atLeast(0);

    /** Every option of this component, in declaration order. */
    public static final List<ConfigOption<?>> ALL = List.of(EVERY_S, SETTLE_S);

    private final Settings values;

    private LiveMomentsConfig(Settings values) {
        this.values = values;
    }

    /** Every option at its declared default: re-scored every 30 s, settled 90 s after a moment's end. */
    public static LiveMomentsConfig defaults() {
        return builder().build();
    }

    /** A builder holding every default. */
    public static Settings.Builder<LiveMomentsConfig> builder() {
        return new Settings.Builder<>(ALL, LiveMomentsConfig::new);
    }

    /** A builder starting from this configuration's values. */
    public Settings.Builder<LiveMomentsConfig> toBuilder() {
        return new Settings.Builder<>(values, LiveMomentsConfig::new);
    }

    /** Every option's key to its value as text, sorted by key. */
    public Map<String, String> parameters() {
        return values.asText();
    }

    /** Re-scoring cadence in session time, seconds (default 30; {@code > 0}). */
    public double everyS() {
        return values.get(EVERY_S);
    }

    /** Hold-back after a moment's end before it is sent, seconds (default 90; {@code >= 0}). */
    public double settleS() {
        return values.get(SETTLE_S);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LiveMomentsConfig c && values.equals(c.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "LiveMomentsConfig" + values;
    }
}
