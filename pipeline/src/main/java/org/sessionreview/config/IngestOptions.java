package org.sessionreview.config;

import static org.sessionreview.config.ConfigOption.real;

import java.util.List;

/**
 * Options of reading the inputs. The other E4 plausibility limits (rate within a factor 4 of
 * nominal, start within 24 h of media start, 4 beats/s, 4096 characters a line) are fixed
 * guards of the reader, not parameters of a method; see {@code E4Limits}.
 */
public final class IngestOptions {
    private IngestOptions() {}

    public static final ConfigOption<Double> E4_MAX_DURATION_H = real(
                    "ingest.e4_max_duration_h",
                    24,
                    "h",
                    "Longest recording read per E4 channel; samples past it are rejected.")
            .range(0.01, 1000);

    public static final List<ConfigOption<?>> ALL = List.of(E4_MAX_DURATION_H);
}
