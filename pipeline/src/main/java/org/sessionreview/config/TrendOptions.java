package org.sessionreview.config;

import static org.sessionreview.config.ConfigOption.integer;
import static org.sessionreview.config.ConfigOption.real;

import java.util.List;

/** Options of the longitudinal client table (trend and plateau rule; {@code ClientTrend}). [proposal] defaults. */
public final class TrendOptions {
    private TrendOptions() {}

    public static final ConfigOption<Integer> LAST_N = integer(
                    "trends.client.last_n",
                    4,
                    "",
                    "How many of the client's sessions (this one and those before) the trend and the plateau rule use.")
            .range(3, 1000);
    public static final ConfigOption<Double> HIGH_BURDEN_S = real(
                    "trends.client.high_burden_s",
                    120,
                    "s",
                    "A session's anxiety burden is high when the client's anxiety time reaches this.")
            .atLeast(0);
    public static final ConfigOption<Double> DECLINE_ALPHA = real(
                    "trends.client.decline_alpha",
                    0.05,
                    "",
                    "One-sided significance level below which a negative slope counts as a decline.")
            .between(0, 1);

    public static final List<ConfigOption<?>> ALL = List.of(LAST_N, HIGH_BURDEN_S, DECLINE_ALPHA);
}
